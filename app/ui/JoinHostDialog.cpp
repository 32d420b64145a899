#include "JoinHostDialog.h"

#include "Fingerprint.h"
#include "shared/Limits.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kith::app {

JoinHostDialog::JoinHostDialog(const QUrl &server, const QString &code, const QString &suggestedNickname,
                               bool guestFirst, bool passwordNeeded, QWidget *parent)
    : QDialog(parent), m_server(server), m_code(code), m_tabs(new QTabWidget(this)),
      m_nickname(new QLineEdit(this)), m_partyPassword(new QLineEdit(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_create(new QCheckBox(tr("I am new there: create the account"), this))
{
    setObjectName(QStringLiteral("JoinHostDialog"));
    const QString where = server.port() > 0 ? QStringLiteral("%1:%2").arg(server.host()).arg(server.port()) : server.host();
    setWindowTitle(tr("Join %1").arg(where));
    setMinimumWidth(440);
    auto *layout = new QVBoxLayout(this);
    m_heading = new QLabel(tr("Join %1").arg(where), this);
    m_heading->setProperty("heading", true);
    layout->addWidget(m_heading);
    auto *about = new QLabel(tr("You stay signed in to the servers you are on; this one is added beside them."), this);
    about->setWordWrap(true);
    about->setProperty("muted", true);
    layout->addWidget(about);

    auto *guest = new QWidget(this);
    auto *gl = new QFormLayout(guest);
    m_nickname->setText(suggestedNickname);
    m_nickname->setMaxLength(limits::kUsernameMax);
    m_nickname->setPlaceholderText(tr("How others see you"));
    m_nickname->setAccessibleName(tr("Nickname"));
    gl->addRow(tr("Nickname"), m_nickname);
    m_partyPassword->setEchoMode(QLineEdit::Password);
    m_partyPassword->setPlaceholderText(passwordNeeded ? tr("The party's password") : tr("None needed"));
    m_partyPassword->setAccessibleName(tr("Party password"));
    gl->addRow(tr("Password"), m_partyPassword);
    m_tabs->addTab(guest, tr("As a guest"));

    auto *account = new QWidget(this);
    auto *al = new QFormLayout(account);
    m_username->setMaxLength(limits::kUsernameMax);
    m_username->setAccessibleName(tr("Username"));
    al->addRow(tr("Username"), m_username);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setMaxLength(limits::kPasswordMax);
    m_password->setAccessibleName(tr("Password"));
    al->addRow(tr("Password"), m_password);
    al->addRow(QString(), m_create);
    m_tabs->addTab(account, tr("With an account"));
    m_tabs->setCurrentIndex(guestFirst ? 0 : 1);
    layout->addWidget(m_tabs);
    m_security = new QLabel(this);
    m_security->setObjectName(QStringLiteral("JoinSecurity"));
    m_security->setWordWrap(true);
    m_security->setProperty("muted", true);
    layout->addWidget(m_security);
    m_fingerprintLabel = new QLabel(this);
    m_fingerprintLabel->setObjectName(QStringLiteral("JoinFingerprint"));
    styleFingerprint(m_fingerprintLabel);
    layout->addWidget(m_fingerprintLabel);
    setFingerprint({});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_join = buttons->button(QDialogButtonBox::Ok);
    m_join->setText(tr("Join"));
    m_join->setProperty("primary", true);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        emit joinRequested(m_server, credentials(), m_code, m_label, m_fingerprint);
        accept();
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    for (QLineEdit *e : {m_nickname, m_partyPassword, m_username, m_password})
        connect(e, &QLineEdit::textChanged, this, &JoinHostDialog::sync);
    connect(m_tabs, &QTabWidget::currentChanged, this, &JoinHostDialog::sync);
    sync();
}

void JoinHostDialog::setFingerprint(const QString &fingerprint)
{
    m_fingerprint = fingerprint;
    if (m_server.scheme() != u"wss")
        m_security->setText(tr("Not encrypted: use this only on a network you trust."));
    else if (fingerprint.isEmpty())
        m_security->setText(tr("Encrypted. Its certificate is remembered on the first connection; a different one "
                               "later is refused."));
    else
        m_security->setText(tr("Encrypted. The host's screen shows the same certificate fingerprint (SHA-256):"));
    m_fingerprintLabel->setText(fingerprintLines(fingerprint));
    m_fingerprintLabel->setVisible(!fingerprint.isEmpty() && m_server.scheme() == u"wss");
}

void JoinHostDialog::setLabel(const QString &label)
{
    m_label = label;
    if (label.isEmpty())
        return;
    setWindowTitle(tr("Join %1").arg(label));
    m_heading->setText(tr("Join %1").arg(label));
}

bool JoinHostDialog::isGuest() const
{
    return m_tabs->currentIndex() == 0;
}

Credentials JoinHostDialog::credentials() const
{
    Credentials c;
    if (isGuest()) {
        c.mode = Credentials::Mode::Guest;
        c.username = m_nickname->text().trimmed();
        c.password = m_partyPassword->text();
    } else {
        c.mode = m_create->isChecked() ? Credentials::Mode::Register : Credentials::Mode::Password;
        c.username = m_username->text().trimmed();
        c.password = m_password->text();
        if (c.mode == Credentials::Mode::Register)
            c.invite = m_code; // lets us in where only invited people may sign up
    }
    return c;
}

void JoinHostDialog::sync()
{
    m_join->setEnabled(isGuest() ? !m_nickname->text().trimmed().isEmpty()
                                 : !m_username->text().trimmed().isEmpty() && !m_password->text().isEmpty());
}

} // namespace kith::app
