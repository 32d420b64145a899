#include "GuildDialog.h"

#include "PartyList.h"
#include "shared/Limits.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QTabWidget>
#include <QVBoxLayout>

namespace kith::app {

GuildDialog::GuildDialog(const QString &suggestedName, QWidget *parent)
    : QDialog(parent), m_tabs(new QTabWidget(this)), m_name(new QLineEdit(this)), m_code(new QLineEdit(this)),
      m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("GuildDialog"));
    setWindowTitle(tr("Add a server"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Add a server"), this);
    heading->setProperty("heading", true);
    layout->addWidget(heading);

    auto *create = new QWidget(this);
    auto *cl = new QVBoxLayout(create);
    auto *ct = new QLabel(tr("Your server is where you and your friends hang out. "
                             "It starts with a #general channel."), create);
    ct->setWordWrap(true);
    ct->setProperty("muted", true);
    cl->addWidget(ct);
    m_name->setText(suggestedName);
    m_name->setMaxLength(limits::kGuildNameMax);
    m_name->setPlaceholderText(tr("Server name"));
    m_name->setAccessibleName(tr("Server name"));
    cl->addWidget(m_name);
    cl->addStretch();
    m_tabs->addTab(create, tr("Create"));

    auto *join = new QWidget(this);
    auto *jl = new QVBoxLayout(join);
    m_joinLayout = jl;
    auto *jt = new QLabel(tr("Enter an invite code or paste an invite link you were given."), join);
    jt->setProperty("muted", true);
    jl->addWidget(jt);
    m_code->setPlaceholderText(tr("Invite code or kith:// link"));
    m_code->setAccessibleName(tr("Invite code"));
    jl->addWidget(m_code);
    m_error->setObjectName(QStringLiteral("JoinError"));
    m_error->setProperty("error", true);
    m_error->setWordWrap(true);
    m_error->hide();
    jl->addWidget(m_error);
    jl->addStretch();
    m_tabs->addTab(join, tr("Join"));
    layout->addWidget(m_tabs);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_ok = buttons->button(QDialogButtonBox::Ok);
    m_ok->setProperty("primary", true);
    layout->addWidget(buttons);
    auto sync = [this, buttons] {
        const bool join = isJoin();
        buttons->button(QDialogButtonBox::Ok)->setText(join ? tr("Join") : tr("Create"));
        buttons->button(QDialogButtonBox::Ok)->setEnabled(join ? !code().isEmpty() : !name().isEmpty());
    };
    connect(m_tabs, &QTabWidget::currentChanged, this, sync);
    connect(m_name, &QLineEdit::textChanged, this, sync);
    connect(m_code, &QLineEdit::textChanged, this, sync);
    connect(m_code, &QLineEdit::textChanged, m_error, &QWidget::hide);
    connect(buttons, &QDialogButtonBox::accepted, this, [this] {
        if (!isJoin()) {
            accept();
            return;
        }
        setBusy(true);
        emit joinRequested(rawCode());
    });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    sync();
}

bool GuildDialog::isJoin() const
{
    return m_tabs->currentIndex() == 1;
}

void GuildDialog::setJoin(bool join)
{
    m_tabs->setCurrentIndex(join ? 1 : 0);
}

void GuildDialog::setCode(const QString &code)
{
    m_code->setText(code);
}

void GuildDialog::setError(const QString &text)
{
    setBusy(false);
    m_error->setText(text);
    m_error->setVisible(!text.isEmpty());
    m_code->setFocus();
    m_code->selectAll();
}

void GuildDialog::setPartyBrowser(LanBrowser *browser, const QString &ownFingerprint)
{
    auto *list = new PartyList(browser, this);
    list->setOwnFingerprint(ownFingerprint);
    // Above the stretch that keeps the code field at the top.
    m_joinLayout->insertWidget(m_joinLayout->count() - 1, list, 1);
    connect(list, &PartyList::partyChosen, this, &GuildDialog::partyChosen);
}

QString GuildDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void GuildDialog::setBusy(bool busy)
{
    m_ok->setEnabled(!busy && !code().isEmpty());
    m_ok->setText(busy ? tr("Joining…") : tr("Join"));
}

QString GuildDialog::name() const
{
    return m_name->text().simplified();
}

QString GuildDialog::rawCode() const
{
    return m_code->text().trimmed();
}

QString GuildDialog::code() const
{
    // People paste codes with the text around them; the code is the last word.
    const QStringList words = m_code->text().split(QRegularExpression(QStringLiteral("[\\s/]+")), Qt::SkipEmptyParts);
    return words.isEmpty() ? QString() : words.last();
}

} // namespace kith::app
