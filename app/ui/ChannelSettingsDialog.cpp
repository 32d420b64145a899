#include "ChannelSettingsDialog.h"

#include "ChannelPermissionsPage.h"
#include "ColorPicker.h"
#include "shared/Limits.h"
#include "state/ClientState.h"
#include "state/GuildAdmin.h"

#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QStyle>
#include <QVBoxLayout>

namespace kith::app {

namespace {
//! Slow mode's choices with their words (whole phrases, for translators).
struct SlowChoice {
    int seconds;
    const char *text;
};
const SlowChoice kSlowChoices[] = {
    {0, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "Off")},
    {5, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "5 seconds")},
    {10, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "10 seconds")},
    {30, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "30 seconds")},
    {60, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "1 minute")},
    {300, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "5 minutes")},
    {600, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "10 minutes")},
    {900, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "15 minutes")},
    {1800, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "30 minutes")},
    {3600, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "1 hour")},
    {7200, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "2 hours")},
    {21600, QT_TRANSLATE_NOOP("kith::app::ChannelSettingsDialog", "6 hours")},
};

QString slowModeText(int seconds)
{
    for (const SlowChoice &c : kSlowChoices)
        if (c.seconds == seconds)
            return ChannelSettingsDialog::tr(c.text);
    return ChannelSettingsDialog::tr("%1 s").arg(seconds); // set elsewhere to another value
}
} // namespace

QList<int> ChannelSettingsDialog::slowModeChoices()
{
    QList<int> out;
    for (const SlowChoice &c : kSlowChoices)
        out << c.seconds;
    return out;
}

ChannelSettingsDialog::ChannelSettingsDialog(ClientState *state, Id channelId, QWidget *parent)
    : SettingsFrame(tr("Channel settings sections"), parent)
    , m_state(state)
    , m_channel(channelId)
{
    const Channel c = state->channel(channelId);
    setObjectName(QStringLiteral("ChannelSettings"));
    setWindowTitle(c.isCategory() ? tr("Category settings — %1").arg(c.name)
                                  : tr("Channel settings — #%1").arg(c.name));

    const Permissions mine = state->admin()->myPermissions(c.guildId);
    if (mine.has(Permission::ManageChannels))
        buildOverview();
    if (mine.has(Permission::ManageRoles)) {
        m_permissions = new ChannelPermissionsPage(state, channelId, this);
        addSection(tr("Permissions"), m_permissions);
    }
    showFirstSection();

    // The channel going (deleted, or hidden from me) takes its settings with it.
    auto gone = [this] {
        if (!m_state->channel(m_channel).id)
            close();
    };
    connect(state->channels(), &QAbstractItemModel::rowsRemoved, this, gone);
    connect(state->channels(), &QAbstractItemModel::modelReset, this, gone);
}

void ChannelSettingsDialog::buildOverview()
{
    const Channel c = m_state->channel(m_channel);
    QVBoxLayout *v = newPage(tr("Overview"));
    QWidget *page = v->parentWidget();
    auto *form = new QFormLayout;
    form->setVerticalSpacing(12);
    v->addLayout(form);

    m_name = new QLineEdit(c.name, page);
    m_name->setObjectName(QStringLiteral("ChannelName"));
    m_name->setMaxLength(limits::kChannelNameMax);
    m_name->setAccessibleName(c.isCategory() ? tr("Category name") : tr("Channel name"));
    form->addRow(m_name->accessibleName(), m_name);
    m_color = new ColorPicker(page);
    m_color->setObjectName(QStringLiteral("ChannelColor"));
    m_color->setColor(c.color);
    form->addRow(tr("Colour"), m_color);
    if (!c.isCategory()) {
        m_topic = new QLineEdit(c.topic, page);
        m_topic->setObjectName(QStringLiteral("ChannelTopic"));
        m_topic->setMaxLength(limits::kTopicMax);
        m_topic->setPlaceholderText(tr("What is it about? (optional)"));
        m_topic->setAccessibleName(tr("Topic"));
        form->addRow(tr("Topic"), m_topic);

        m_parent = new QComboBox(page);
        m_parent->setObjectName(QStringLiteral("ChannelCategory"));
        m_parent->setAccessibleName(tr("Category"));
        m_parent->addItem(tr("No category"), QVariant::fromValue<quint64>(0));
        for (const Channel &other : m_state->channels()->channels())
            if (other.isCategory() && other.guildId == c.guildId)
                m_parent->addItem(other.name, QVariant::fromValue<quint64>(other.id));
        m_parent->setCurrentIndex(qMax(0, m_parent->findData(QVariant::fromValue<quint64>(c.parentId))));
        form->addRow(tr("Category"), m_parent);

        m_slowMode = new QComboBox(page);
        m_slowMode->setObjectName(QStringLiteral("SlowMode"));
        m_slowMode->setAccessibleName(tr("Slow mode"));
        QList<int> choices = slowModeChoices();
        if (!choices.contains(c.slowmodeSeconds))
            choices.append(c.slowmodeSeconds); // set elsewhere to a value not offered here
        std::sort(choices.begin(), choices.end());
        for (int s : choices)
            m_slowMode->addItem(slowModeText(s), s);
        m_slowMode->setCurrentIndex(m_slowMode->findData(c.slowmodeSeconds));
        auto *slowBox = new QVBoxLayout;
        slowBox->setSpacing(4);
        slowBox->addWidget(m_slowMode);
        form->addRow(tr("Slow mode"), slowBox);
        auto *slowHelp =
            new QLabel(tr("Members may send one message per this time. Those who manage messages are not "
                          "held back."),
                       page);
        slowHelp->setProperty("muted", true);
        slowHelp->setWordWrap(true);
        slowBox->addWidget(slowHelp);
        if (!c.persistent) {
            auto *kind =
                new QLabel(c.mode == ChannelMode::Roulette
                               ? tr("Roulette: each message goes to one person online and is never stored.")
                               : tr("Messages here are not stored: they reach those online when sent."),
                           page);
            kind->setObjectName(QStringLiteral("ChannelKindNote"));
            kind->setProperty("muted", true);
            kind->setWordWrap(true);
            form->addRow(tr("Kind"), kind);
        }
    }

    auto *row = new QHBoxLayout;
    auto *save = new QPushButton(tr("Save changes"), page);
    save->setObjectName(QStringLiteral("SaveChannel"));
    save->setProperty("primary", true);
    m_status = new QLabel(page);
    m_status->setObjectName(QStringLiteral("ChannelStatus"));
    m_status->setWordWrap(true);
    row->addWidget(m_status, 1);
    row->addWidget(save);
    v->addLayout(row);
    v->addStretch(1);
    connect(save, &QPushButton::clicked, this, &ChannelSettingsDialog::saveOverview);
    connect(m_name, &QLineEdit::textChanged, save,
            [this, save] { save->setEnabled(!m_name->text().trimmed().isEmpty()); });
}

void ChannelSettingsDialog::saveOverview()
{
    Channel c = m_state->channel(m_channel);
    if (!c.id)
        return;
    c.name = m_name->text().simplified();
    if (!c.isCategory()) // channel names read best as lower-case words joined by dashes
        c.name = c.name.toLower().replace(QLatin1Char(' '), QLatin1Char('-'));
    c.color = m_color->color();
    if (m_topic) {
        c.topic = m_topic->text().simplified();
        c.parentId = m_parent->currentData().toULongLong();
        c.slowmodeSeconds = m_slowMode->currentData().toInt();
    }
    m_status->setText(tr("Saving…"));
    QPointer<QLabel> status = m_status;
    m_state->admin()->updateChannel(c, this, [status](bool ok, const QString &error) {
        if (!status)
            return;
        status->setProperty("error", !ok);
        status->setText(ok ? tr("Saved.") : tr("Not saved: %1").arg(error));
        status->style()->unpolish(status);
        status->style()->polish(status);
    });
}

} // namespace kith::app
