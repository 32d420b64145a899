#include "WelcomeScreen.h"

#include "Icons.h"
#include "Theme.h"
#include "shared/Limits.h"
#include "shared/Validation.h"

#include <QEvent>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace kith::app {

WelcomeScreen::WelcomeScreen(const Theme *theme, QWidget *parent)
    : QWidget(parent), m_displayName(new QLineEdit(this)), m_local(new QPushButton(this)),
      m_url(new QLineEdit(this)), m_user(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_signIn(new QPushButton(this)), m_create(new QPushButton(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("Welcome"));
    setAttribute(Qt::WA_StyledBackground);
    auto *outer = new QVBoxLayout(this);
    outer->setContentsMargins(48, 40, 48, 40);
    outer->addStretch(2);

    auto *logo = new QLabel(this);
    followTheme(theme, logo, [logo, theme] {
        logo->setPixmap(icons::make(icons::Kind::Logo, theme->color(QStringLiteral("accent")), 64).pixmap(64, 64));
    });
    outer->addWidget(logo, 0, Qt::AlignHCenter);
    auto *title = m_title = new QLabel(this);
    title->setProperty("title", true);
    outer->addWidget(title, 0, Qt::AlignHCenter);
    auto *subtitle = m_subtitle = new QLabel(this);
    subtitle->setProperty("subtitle", true);
    outer->addWidget(subtitle, 0, Qt::AlignHCenter);
    outer->addSpacing(28);

    auto *cards = new QHBoxLayout;
    cards->setSpacing(24);
    cards->addStretch(1);

    QWidget *local = card(&m_localTitle, &m_localText);
    m_displayName->setMaxLength(limits::kDisplayNameMax);
    m_local->setProperty("primary", true);
    m_local->setObjectName(QStringLiteral("StartLocal"));
    local->layout()->addWidget(m_displayName);
    static_cast<QVBoxLayout *>(local->layout())->addStretch();
    local->layout()->addWidget(m_local);
    auto *party = m_party = new QPushButton(local);
    party->setObjectName(QStringLiteral("HostPartyWelcome"));
    connect(party, &QPushButton::clicked, this, [this] { emit hostPartyRequested(m_displayName->text().trimmed()); });
    local->layout()->addWidget(party);
    cards->addWidget(local);

    QWidget *remote = card(&m_remoteTitle, &m_remoteText);
    m_user->setMaxLength(limits::kUsernameMax);
    m_password->setEchoMode(QLineEdit::Password);
    m_signIn->setProperty("primary", true);
    remote->layout()->addWidget(m_url);
    remote->layout()->addWidget(m_user);
    remote->layout()->addWidget(m_password);
    // The two cards share a height: the spare room goes above the buttons in both, so their
    // titles and texts line up at the top and their buttons at the bottom.
    static_cast<QVBoxLayout *>(remote->layout())->addStretch();
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_create);
    buttons->addWidget(m_signIn);
    static_cast<QVBoxLayout *>(remote->layout())->addLayout(buttons);
    cards->addWidget(remote);
    cards->addStretch(1);
    outer->addLayout(cards);

    outer->addSpacing(16);
    m_status->setAlignment(Qt::AlignCenter);
    m_status->setWordWrap(true);
    m_status->setObjectName(QStringLiteral("WelcomeStatus"));
    outer->addWidget(m_status);
    outer->addStretch(3);

    connect(m_local, &QPushButton::clicked, this,
            [this] { emit startLocalRequested(m_displayName->text().trimmed()); });
    connect(m_displayName, &QLineEdit::returnPressed, m_local, &QPushButton::click);
    connect(m_signIn, &QPushButton::clicked, this, [this] { submitRemote(false); });
    connect(m_create, &QPushButton::clicked, this, [this] { submitRemote(true); });
    connect(m_password, &QLineEdit::returnPressed, this, [this] { submitRemote(false); });
    retranslate();
}

void WelcomeScreen::retranslate()
{
    m_title->setText(tr("Welcome to Kith"));
    m_subtitle->setText(tr("Chat with your people, on a server you run."));
    m_localTitle->setText(tr("Start a local server"));
    m_localText->setText(tr("Runs inside this app, on this computer. Nothing to set up: "
                            "you get your own server with a #general channel."));
    m_displayName->setPlaceholderText(tr("Your name (optional)"));
    m_local->setText(tr("Start a local server"));
    m_party->setText(tr("Host a LAN party"));
    m_party->setToolTip(tr("Your server, opened to your network: friends join as guests"));
    m_remoteTitle->setText(tr("Connect to a server"));
    m_remoteText->setText(tr("Someone runs a Kith server for you? Enter its address."));
    m_url->setPlaceholderText(tr("ws://host:%1").arg(limits::kDefaultPort));
    m_user->setPlaceholderText(tr("Username"));
    m_password->setPlaceholderText(tr("Password"));
    m_signIn->setText(tr("Sign in"));
    m_create->setText(tr("Create account"));
}

void WelcomeScreen::changeEvent(QEvent *event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

QWidget *WelcomeScreen::card(QLabel **title, QLabel **text)
{
    auto *w = new QWidget(this);
    w->setObjectName(QStringLiteral("WelcomeCard"));
    w->setAttribute(Qt::WA_StyledBackground);
    w->setFixedWidth(340);
    w->setMinimumHeight(300);
    auto *l = new QVBoxLayout(w);
    l->setContentsMargins(24, 24, 24, 24);
    l->setSpacing(10);
    auto *t = *title = new QLabel(w);
    t->setStyleSheet(QStringLiteral("font-size: 13pt; font-weight: 700;"));
    l->addWidget(t);
    auto *body = *text = new QLabel(w);
    body->setWordWrap(true);
    body->setProperty("muted", true);
    l->addWidget(body);
    l->addSpacing(8);
    return w;
}

void WelcomeScreen::submitRemote(bool create)
{
    QString url = m_url->text().trimmed();
    if (!url.isEmpty() && !url.contains(QLatin1String("://")))
        url.prepend(QLatin1String("ws://"));
    const QUrl u(url);
    if (!u.isValid() || u.host().isEmpty() || (u.scheme() != u"ws" && u.scheme() != u"wss")) {
        setError(tr("Enter the server's address, like ws://example.org:%1").arg(limits::kDefaultPort));
        return;
    }
    const QString user = m_user->text().trimmed();
    if (const QString why = validate::username(user); !why.isEmpty()) {
        setError(tr("Username: 2 to 32 letters, digits, dots or underscores."));
        return;
    }
    if (const QString why = validate::password(m_password->text()); !why.isEmpty()) {
        setError(tr("Password: at least %1 characters.").arg(limits::kPasswordMin));
        return;
    }
    QUrl withPort = u;
    if (withPort.port() < 0)
        withPort.setPort(limits::kDefaultPort);
    emit connectRequested(withPort, user, m_password->text(), create);
}

void WelcomeScreen::setBusy(bool busy, const QString &text)
{
    for (QWidget *w : {static_cast<QWidget *>(m_local), static_cast<QWidget *>(m_signIn),
                       static_cast<QWidget *>(m_create)})
        w->setEnabled(!busy);
    setStatus(text, false);
}

void WelcomeScreen::setStatus(const QString &text, bool error)
{
    m_status->setProperty("error", error);
    m_status->setProperty("muted", !error);
    // Dynamic properties only take effect in the style sheet after a re-polish.
    m_status->style()->unpolish(m_status);
    m_status->style()->polish(m_status);
    m_status->setText(text);
}

QString WelcomeScreen::statusText() const
{
    return m_status->text();
}

void WelcomeScreen::setError(const QString &text)
{
    setBusy(false);
    setStatus(text, true);
}

void WelcomeScreen::prefill(const QUrl &url, const QString &username)
{
    m_url->setText(url.toString());
    m_user->setText(username);
}

} // namespace kith::app
