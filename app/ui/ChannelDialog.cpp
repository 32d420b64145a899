#include "ChannelDialog.h"

#include "shared/Limits.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace kith::app {

ChannelDialog::ChannelDialog(const QString &name, const QString &topic, bool create, QWidget *parent)
    : QDialog(parent), m_name(new QLineEdit(name, this)), m_topic(new QLineEdit(topic, this))
{
    setWindowTitle(create ? tr("Create channel") : tr("Edit channel"));
    setMinimumWidth(420);
    auto *form = new QFormLayout(this);
    auto *heading = new QLabel(windowTitle(), this);
    heading->setProperty("heading", true);
    form->addRow(heading);
    m_name->setMaxLength(limits::kChannelNameMax);
    m_name->setPlaceholderText(tr("new-channel"));
    m_topic->setMaxLength(limits::kTopicMax);
    m_topic->setPlaceholderText(tr("What is it about? (optional)"));
    form->addRow(tr("Name"), m_name);
    form->addRow(tr("Topic"), m_topic);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(create ? tr("Create") : tr("Save"));
    ok->setProperty("primary", true);
    connect(m_name, &QLineEdit::textChanged, ok, [this, ok] { ok->setEnabled(!this->name().isEmpty()); });
    ok->setEnabled(!this->name().isEmpty());
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);
}

QString ChannelDialog::name() const
{
    // Channel names read best as lower-case words joined by dashes, like #general.
    return m_name->text().simplified().toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
}

QString ChannelDialog::topic() const
{
    return m_topic->text().simplified();
}

} // namespace kith::app
