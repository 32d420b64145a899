#include "HostPartyDialog.h"

#include "Fingerprint.h"
#include "shared/Limits.h"

#include <QApplication>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace kith::app {

HostPartyDialog::HostPartyDialog(const QString &suggestedName, QWidget *parent)
    : QDialog(parent), m_pages(new QStackedWidget(this)), m_name(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_start(new QPushButton(tr("Start the party"), this)), m_runningTitle(new QLabel(this)), m_address(new QLabel(this)),
      m_link(new QLineEdit(this)), m_people(new QLabel(this)), m_security(new QLabel(this)), m_fingerprint(new QLabel(this)), m_end(new QPushButton(tr("End the party"), this))
{
    setObjectName(QStringLiteral("HostPartyDialog"));
    setWindowTitle(tr("Host a LAN party"));
    setMinimumWidth(480);
    auto *layout = new QVBoxLayout(this);

    auto *form = new QWidget(this);
    auto *fl = new QVBoxLayout(form);
    fl->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(tr("Host a LAN party"), form);
    heading->setProperty("heading", true);
    fl->addWidget(heading);
    auto *about = new QLabel(tr("Your own server opens to your network: friends on it join as guests with a "
                                "nickname, no account, no internet. Messages stay on this computer."), form);
    about->setWordWrap(true);
    about->setProperty("muted", true);
    fl->addWidget(about);
    auto *fields = new QFormLayout;
    m_name->setText(suggestedName);
    m_name->setMaxLength(limits::kGuildNameMax);
    m_name->setAccessibleName(tr("Party name"));
    fields->addRow(tr("Party name"), m_name);
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setPlaceholderText(tr("Optional"));
    m_password->setAccessibleName(tr("Party password"));
    fields->addRow(tr("Password"), m_password);
    fl->addLayout(fields);
    m_start->setObjectName(QStringLiteral("StartParty"));
    m_start->setProperty("primary", true);
    fl->addWidget(m_start, 0, Qt::AlignRight);
    connect(m_name, &QLineEdit::textChanged, this, [this](const QString &t) { m_start->setEnabled(!t.trimmed().isEmpty()); });
    connect(m_start, &QPushButton::clicked, this, [this] {
        m_start->setEnabled(false);
        m_start->setText(tr("Starting…"));
        emit startRequested(partyName(), password());
    });
    m_pages->addWidget(form);

    auto *running = new QWidget(this);
    auto *rl = new QVBoxLayout(running);
    rl->setContentsMargins(0, 0, 0, 0);
    m_runningTitle->setProperty("heading", true);
    rl->addWidget(m_runningTitle);
    m_address->setObjectName(QStringLiteral("PartyAddress"));
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    rl->addWidget(m_address);
    auto *linkTitle = new QLabel(tr("INVITE LINK"), running);
    linkTitle->setProperty("section", true);
    rl->addWidget(linkTitle);
    auto *linkRow = new QHBoxLayout;
    m_link->setObjectName(QStringLiteral("PartyLink"));
    m_link->setReadOnly(true);
    m_link->setAccessibleName(tr("Invite link"));
    linkRow->addWidget(m_link, 1);
    auto *copy = new QPushButton(tr("Copy"), running);
    copy->setProperty("primary", true);
    linkRow->addWidget(copy);
    rl->addLayout(linkRow);
    connect(copy, &QPushButton::clicked, this, [this, copy] {
        QApplication::clipboard()->setText(m_link->text());
        copy->setText(tr("Copied"));
    });
    m_people->setObjectName(QStringLiteral("PartyPeople"));
    m_people->setProperty("muted", true);
    rl->addWidget(m_people);
    // Short lines without wrapping: a dialog sizes itself from them exactly.
    m_security->setProperty("muted", true);
    rl->addWidget(m_security);
    m_fingerprint->setObjectName(QStringLiteral("PartyFingerprint"));
    styleFingerprint(m_fingerprint);
    rl->addWidget(m_fingerprint);
    m_end->setObjectName(QStringLiteral("EndParty"));
    m_end->setProperty("danger", true);
    rl->addWidget(m_end, 0, Qt::AlignRight);
    connect(m_end, &QPushButton::clicked, this, &HostPartyDialog::endRequested);
    m_pages->addWidget(running);
    layout->addWidget(m_pages);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

void HostPartyDialog::showRunning(const QString &name, const QString &address, const QString &link, int people,
                                  const QString &fingerprint)
{
    if (address.isEmpty()) {
        m_start->setEnabled(!partyName().isEmpty());
        m_start->setText(tr("Start the party"));
        m_pages->setCurrentIndex(0);
        return;
    }
    m_runningTitle->setText(tr("%1 is on").arg(name));
    m_address->setText(tr("Friends on your network join at %1").arg(address));
    m_link->setText(link);
    m_link->setCursorPosition(0);
    m_people->setText(tr("Here now: %1").arg(people));
    // Guests see the same on their join screen: the way to know nobody sits in between.
    m_security->setText(fingerprint.isEmpty() ? tr("Not encrypted.")
                                              : tr("Encrypted. Guests see this certificate (SHA-256) as they join:"));
    m_fingerprint->setText(fingerprintLines(fingerprint));
    m_fingerprint->setVisible(!fingerprint.isEmpty());
    adjustSize();
    m_pages->setCurrentIndex(1);
}

QString HostPartyDialog::partyName() const
{
    return m_name->text().simplified();
}

QString HostPartyDialog::password() const
{
    return m_password->text();
}

QString HostPartyDialog::linkText() const
{
    return m_link->text();
}

QString HostPartyDialog::fingerprintText() const
{
    return m_fingerprint->text().remove(QLatin1Char('\n'));
}

QString HostPartyDialog::peopleText() const
{
    return m_people->text();
}

} // namespace kith::app
