#include "UserFooter.h"

#include "Icons.h"
#include "Theme.h"
#include "state/ClientState.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QMouseEvent>
#include <QPainter>
#include <QStyleOption>
#include <QToolButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kAvatar = 34;
}

UserFooter::UserFooter(Connection *connection, ClientState *state, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_state(state), m_theme(theme), m_name(new QLabel(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("Footer"));
    setAttribute(Qt::WA_StyledBackground);
    // 54 px at the default text size; taller when the text is larger, never clipped.
    setMinimumHeight(54);
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12 + kAvatar + 10, 6, 8, 6);
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    m_name->setObjectName(QStringLiteral("FooterName"));
    m_status->setObjectName(QStringLiteral("FooterStatus"));
    text->addWidget(m_name);
    text->addWidget(m_status);
    row->addLayout(text, 1);
    // The app has no menu bar: what it would hold under Help lives here.
    auto *help = m_help = new QToolButton(this);
    help->setObjectName(QStringLiteral("HelpButton"));
    help->setText(QStringLiteral("?"));
    help->setPopupMode(QToolButton::InstantPopup);
    auto *helpMenu = (m_helpMenu = std::make_unique<QMenu>()).get();
    helpMenu->setObjectName(QStringLiteral("HelpMenu"));
    QAction *log = m_logAction = helpMenu->addAction(QString(), this, &UserFooter::connectionLogRequested);
    log->setObjectName(QStringLiteral("ConnectionLogAction"));
    log->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L)); // shown in the menu; MainWindow handles it
    log->setShortcutContext(Qt::WidgetShortcut);
    help->setMenu(helpMenu);
    row->addWidget(help);
    auto *gear = m_gear = new QToolButton(this);
    gear->setObjectName(QStringLiteral("SettingsButton"));
    followTheme(theme, gear, [gear, theme] { gear->setIcon(icons::make(icons::Kind::Gear, theme->color(QStringLiteral("textMuted")), 20)); });
    connect(gear, &QToolButton::clicked, this, &UserFooter::settingsRequested);
    row->addWidget(gear);
    connect(connection, &Connection::stateChanged, this, &UserFooter::refresh);
    connect(connection, &Connection::signedIn, this, &UserFooter::refresh);
    connect(connection, &Connection::ready, this, &UserFooter::refresh);
    connect(state, &ClientState::userUpdated, this, [this](const User &u) {
        if (u.id == me().id)
            refresh();
    });
    connect(state, &ClientState::presenceChanged, this, [this](Id userId) {
        if (userId == m_connection->me().id)
            refresh();
    });
    connect(state->attachments(), &AttachmentCache::avatarReady, this, [this](const QString &path) {
        if (path == me().avatar)
            update();
    });
    retranslate();
}

void UserFooter::retranslate()
{
    m_help->setToolTip(tr("Help"));
    m_help->setAccessibleName(tr("Help"));
    m_logAction->setText(tr("Connection log"));
    m_gear->setToolTip(tr("Settings (Ctrl+,)"));
    m_gear->setAccessibleName(tr("Settings"));
    setToolTip(tr("Set your status"));
    refresh(); // the status line
}

void UserFooter::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

QString UserFooter::statusText() const
{
    switch (m_connection->state()) {
    case Connection::State::Online: {
        const QString custom = m_state->myCustomStatus();
        if (!custom.isEmpty())
            return custom;
        return statusName(m_state->isIdle() ? QStringLiteral("idle") : m_state->myStatus());
    }
    case Connection::State::Connecting:
        return tr("Connecting…");
    case Connection::State::SigningIn:
        return tr("Signing in…");
    case Connection::State::Reconnecting:
        return tr("Reconnecting…");
    case Connection::State::Offline:
        break;
    }
    return tr("Offline");
}

QString UserFooter::statusName(const QString &status)
{
    if (status == u"idle")
        return tr("Idle");
    if (status == u"dnd")
        return tr("Do not disturb");
    if (status == u"invisible")
        return tr("Invisible");
    if (status == u"offline")
        return tr("Offline");
    return tr("Online");
}

UserFooter::~UserFooter() = default;

QMenu *UserFooter::makeStatusMenu()
{
    auto *menu = new QMenu(this);
    menu->setObjectName(QStringLiteral("StatusMenu"));
    for (const QString &s : {QStringLiteral("online"), QStringLiteral("idle"), QStringLiteral("dnd"), QStringLiteral("invisible")}) {
        QAction *a = menu->addAction(statusName(s), this, [this, s] { m_state->setPresence(s, m_state->myCustomStatus()); });
        a->setData(s);
        a->setCheckable(true);
        a->setChecked(s == m_state->myStatus());
    }
    menu->addSeparator();
    menu->addAction(tr("Set a custom status…"), this, &UserFooter::askCustomStatus);
    menu->addAction(tr("Edit profile…"), this, &UserFooter::profileRequested);
    if (!m_state->myCustomStatus().isEmpty())
        menu->addAction(tr("Clear the custom status"), this, [this] { m_state->setPresence(m_state->myStatus(), QString()); });
    return menu;
}

void UserFooter::askCustomStatus()
{
    auto *input = new QInputDialog(this);
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setObjectName(QStringLiteral("CustomStatusDialog"));
    input->setWindowTitle(tr("Custom status"));
    input->setLabelText(tr("What are you up to?"));
    input->setTextValue(m_state->myCustomStatus());
    connect(input, &QInputDialog::textValueSelected, this, [this](const QString &text) {
        m_state->setPresence(m_state->myStatus(), text.simplified().left(128));
    });
    input->open();
}

void UserFooter::mousePressEvent(QMouseEvent *event)
{
    if (event->button() != Qt::LeftButton || !m_state->hasState()) {
        QWidget::mousePressEvent(event);
        return;
    }
    QMenu *menu = makeStatusMenu();
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->popup(mapToGlobal(QPoint(8, 0)) - QPoint(0, menu->sizeHint().height()));
}

const User &UserFooter::me() const
{
    // The state's copy follows renames (user.updated); the connection's is the sign-in's.
    return m_state->me().id ? m_state->me() : m_connection->me();
}

void UserFooter::refresh()
{
    const User &me = this->me();
    m_name->setText(me.displayName.isEmpty() ? me.username : me.displayName);
    m_name->setToolTip(me.username);
    m_status->setText(statusText());
    update();
}

void UserFooter::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter p(this);
    const User &me = this->me();
    const QRectF avatar(12, (height() - kAvatar) / 2.0, kAvatar, kAvatar);
    icons::paintAvatar(&p, avatar, me.id, me.displayName.isEmpty() ? me.username : me.displayName, *m_theme,
                       m_state->attachments()->avatar(me.avatar));
    // The status dot: my presence when connected, amber on the way, hollow offline.
    const auto s = m_connection->state();
    const QString status = s == Connection::State::Online
        ? (m_state->isIdle() ? QStringLiteral("idle") : m_state->myStatus())
        : s == Connection::State::Offline ? QStringLiteral("offline")
                                          : QStringLiteral("idle");
    icons::paintPresence(&p, QPointF(avatar.right() - 4, avatar.bottom() - 4), 6, status,
                         m_theme->color(QStringLiteral("rail")), *m_theme);
}

} // namespace kith::app
