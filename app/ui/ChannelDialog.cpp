#include "ChannelDialog.h"

#include "ColorPicker.h"
#include "shared/Limits.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace kith::app {

ChannelDialog::ChannelDialog(const QList<Channel> &categories, QWidget *parent)
    : QDialog(parent)
    , m_name(new QLineEdit(this))
    , m_topic(new QLineEdit(this))
    , m_kind(new QComboBox(this))
    , m_parent(new QComboBox(this))
    , m_notStored(new QCheckBox(tr("Don't store messages"), this))
    , m_roulette(new QCheckBox(tr("Roulette: each message goes to one random person online"), this))
    , m_kindNote(new QLabel(this))
{
    setWindowTitle(tr("Create channel"));
    setMinimumWidth(460);
    auto *form = new QFormLayout(this);
    form->setVerticalSpacing(10);
    auto *heading = new QLabel(windowTitle(), this);
    heading->setProperty("heading", true);
    form->addRow(heading);

    m_kind->setObjectName(QStringLiteral("ChannelKind"));
    m_kind->addItem(tr("Text channel"), int(ChannelType::Text));
    m_kind->addItem(tr("Category"), int(ChannelType::Category));
    m_kind->setAccessibleName(tr("Kind"));
    form->addRow(tr("Kind"), m_kind);

    m_name->setObjectName(QStringLiteral("ChannelName"));
    m_name->setMaxLength(limits::kChannelNameMax);
    m_name->setAccessibleName(tr("Name"));
    form->addRow(tr("Name"), m_name);
    m_topic->setObjectName(QStringLiteral("ChannelTopic"));
    m_topic->setMaxLength(limits::kTopicMax);
    m_topic->setPlaceholderText(tr("What is it about? (optional)"));
    m_topic->setAccessibleName(tr("Topic"));
    form->addRow(tr("Topic"), m_topic);

    m_parent->setObjectName(QStringLiteral("ChannelCategory"));
    m_parent->setAccessibleName(tr("Category"));
    m_parent->addItem(tr("No category"), QVariant::fromValue<quint64>(0));
    for (const Channel &c : categories)
        if (c.isCategory())
            m_parent->addItem(c.name, QVariant::fromValue<quint64>(c.id));
    form->addRow(tr("Category"), m_parent);

    auto *color = new ColorPicker(this);
    color->setObjectName(QStringLiteral("ChannelColor"));
    form->addRow(tr("Colour"), color);
    connect(color, &ColorPicker::colorChanged, this, [this](const QString &c) { m_pickedColor = c; });

    m_notStored->setObjectName(QStringLiteral("NotStored"));
    m_roulette->setObjectName(QStringLiteral("Roulette"));
    form->addRow(m_notStored);
    form->addRow(m_roulette);
    m_kindNote->setObjectName(QStringLiteral("KindNote"));
    m_kindNote->setProperty("muted", true);
    m_kindNote->setWordWrap(true);
    form->addRow(m_kindNote);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("Create"));
    ok->setProperty("primary", true);
    auto syncOk = [this, ok] { ok->setEnabled(!name().isEmpty()); };
    connect(m_name, &QLineEdit::textChanged, ok, syncOk);
    syncOk();
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    form->addRow(buttons);

    connect(m_kind, &QComboBox::currentIndexChanged, this, &ChannelDialog::syncKind);
    connect(m_notStored, &QCheckBox::toggled, this, &ChannelDialog::syncKind);
    connect(m_roulette, &QCheckBox::toggled, this, &ChannelDialog::syncKind);
    syncKind();
}

void ChannelDialog::syncKind()
{
    const bool category = m_kind->currentData().toInt() == int(ChannelType::Category);
    m_name->setPlaceholderText(category ? tr("Category name") : tr("new-channel"));
    // A category only groups channels: it holds no messages and sits in no category.
    m_topic->setEnabled(!category);
    m_parent->setEnabled(!category && m_parent->count() > 1);
    m_notStored->setEnabled(!category && !m_roulette->isChecked());
    m_roulette->setEnabled(!category);
    if (m_roulette->isChecked())
        m_notStored->setChecked(true); // the host never stores a roulette channel
    QString note;
    if (category)
        note = tr("A category is a heading that groups channels.");
    else if (m_roulette->isChecked())
        note =
            tr("Each message goes to one person picked at random among those online, and is never stored.");
    else if (m_notStored->isChecked())
        note = tr("Messages reach those online when they are sent and are never stored. This cannot be "
                  "changed later.");
    m_kindNote->setText(note);
    m_kindNote->setVisible(!note.isEmpty());
}

QString ChannelDialog::name() const
{
    if (m_kind->currentData().toInt() == int(ChannelType::Category))
        return m_name->text().simplified(); // a heading keeps its words
    // Channel names read best as lower-case words joined by dashes, like #general.
    return m_name->text().simplified().toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
}

QString ChannelDialog::topic() const
{
    return m_topic->text().simplified();
}

Channel ChannelDialog::channel() const
{
    Channel c;
    c.name = name();
    c.color = m_pickedColor;
    if (m_kind->currentData().toInt() == int(ChannelType::Category)) {
        c.type = ChannelType::Category;
        return c;
    }
    c.topic = topic();
    c.parentId = m_parent->currentData().toULongLong();
    c.mode = m_roulette->isChecked() ? ChannelMode::Roulette : ChannelMode::Normal;
    c.persistent = !m_notStored->isChecked() && c.mode == ChannelMode::Normal;
    return c;
}

} // namespace kith::app
