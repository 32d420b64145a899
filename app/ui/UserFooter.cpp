#include "UserFooter.h"

#include "Icons.h"
#include "Theme.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPainter>
#include <QStyleOption>
#include <QToolButton>
#include <QVBoxLayout>

namespace kith::app {

namespace {
constexpr int kAvatar = 34;
}

UserFooter::UserFooter(Connection *connection, const Theme *theme, QWidget *parent)
    : QWidget(parent), m_connection(connection), m_theme(theme), m_name(new QLabel(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("Footer"));
    setAttribute(Qt::WA_StyledBackground);
    setFixedHeight(54);
    auto *row = new QHBoxLayout(this);
    row->setContentsMargins(12 + kAvatar + 10, 6, 8, 6);
    auto *text = new QVBoxLayout;
    text->setSpacing(0);
    m_name->setObjectName(QStringLiteral("FooterName"));
    m_status->setObjectName(QStringLiteral("FooterStatus"));
    text->addWidget(m_name);
    text->addWidget(m_status);
    row->addLayout(text, 1);
    auto *gear = new QToolButton(this);
    gear->setObjectName(QStringLiteral("SettingsButton"));
    gear->setIcon(icons::make(icons::Kind::Gear, theme->color(QStringLiteral("textMuted")), 20));
    gear->setToolTip(tr("Settings (Ctrl+,)"));
    connect(gear, &QToolButton::clicked, this, &UserFooter::settingsRequested);
    row->addWidget(gear);
    connect(connection, &Connection::stateChanged, this, &UserFooter::refresh);
    connect(connection, &Connection::signedIn, this, &UserFooter::refresh);
    connect(connection, &Connection::ready, this, &UserFooter::refresh);
    refresh();
}

QString UserFooter::statusText() const
{
    switch (m_connection->state()) {
    case Connection::State::Online:
        return tr("Online");
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

void UserFooter::refresh()
{
    const User &me = m_connection->me();
    m_name->setText(me.displayName.isEmpty() ? me.username : me.displayName);
    m_name->setToolTip(me.username);
    m_status->setText(statusText());
    update();
}

void UserFooter::paintEvent(QPaintEvent *event)
{
    QWidget::paintEvent(event);
    QPainter p(this);
    const User &me = m_connection->me();
    const QRectF avatar(12, (height() - kAvatar) / 2.0, kAvatar, kAvatar);
    icons::paintAvatar(&p, avatar, me.id, me.displayName.isEmpty() ? me.username : me.displayName, *m_theme);
    // The status dot: green online, amber on the way, grey offline.
    const auto s = m_connection->state();
    const QString key = s == Connection::State::Online ? QStringLiteral("success")
        : s == Connection::State::Offline              ? QStringLiteral("textFaint")
                                                       : QStringLiteral("warning");
    p.setRenderHint(QPainter::Antialiasing);
    p.setPen(QPen(m_theme->color(QStringLiteral("rail")), 3));
    p.setBrush(m_theme->color(key));
    p.drawEllipse(QPointF(avatar.right() - 4, avatar.bottom() - 4), 6, 6);
}

} // namespace kith::app
