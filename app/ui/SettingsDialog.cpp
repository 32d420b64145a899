#include "SettingsDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>

namespace kith::app {

SettingsDialog::SettingsDialog(const QString &theme, const QString &language, const QString &dataDir,
                               QWidget *parent)
    : QDialog(parent), m_theme(new QComboBox(this)), m_language(new QComboBox(this)),
      m_notify(new QCheckBox(tr("For direct messages and mentions, when Kith is in the background"), this)),
      m_sound(new QCheckBox(tr("Play a sound for them"), this)), m_announce(new QLineEdit(this))
{
    setWindowTitle(tr("Settings"));
    setMinimumWidth(460);
    auto *form = new QFormLayout(this);
    form->setVerticalSpacing(12);
    m_theme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_theme->addItem(tr("Light"), QStringLiteral("light"));
    m_theme->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(theme)));
    m_theme->setObjectName(QStringLiteral("ThemeBox"));
    form->addRow(tr("Theme"), m_theme);
    m_language->addItem(tr("Follow the system"), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
    m_language->setObjectName(QStringLiteral("LanguageBox"));
    form->addRow(tr("Language"), m_language);
    m_notify->setObjectName(QStringLiteral("NotifyBox"));
    m_notify->setChecked(true);
    form->addRow(tr("Notifications"), m_notify);
    connect(m_notify, &QCheckBox::toggled, this, &SettingsDialog::notificationsChosen);
    m_sound->setObjectName(QStringLiteral("SoundBox"));
    m_sound->setChecked(true);
    form->addRow(QString(), m_sound);
    connect(m_sound, &QCheckBox::toggled, this, &SettingsDialog::soundChosen);
    auto *quiet = new QLabel(tr("Do not disturb silences both; right-click a channel or server to mute it."), this);
    quiet->setProperty("muted", true);
    quiet->setWordWrap(true);
    form->addRow(QString(), quiet);
    m_announce->setObjectName(QStringLiteral("AnnounceEdit"));
    m_announce->setPlaceholderText(tr("Every network (broadcast)"));
    m_announce->setAccessibleName(tr("LAN parties: where to announce and listen"));
    m_announce->setToolTip(tr("HOST:PORT of one address to announce parties to and hear them on, for networks "
                              "where broadcasts do not reach. Empty: every network this computer is on."));
    form->addRow(tr("LAN parties"), m_announce);
    auto *data = new QLabel(dataDir, this);
    data->setTextInteractionFlags(Qt::TextSelectableByMouse);
    data->setProperty("muted", true);
    data->setWordWrap(true);
    form->addRow(tr("Data folder"), data);
    auto *signOut = new QPushButton(tr("Sign out"), this);
    signOut->setProperty("danger", true);
    form->addRow(QString(), signOut);
    connect(signOut, &QPushButton::clicked, this, [this] {
        emit signOutRequested();
        reject();
    });
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] { emit themeChosen(this->theme()); });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    form->addRow(buttons);
}

void SettingsDialog::setAnnounce(const QString &announce, bool overridden)
{
    m_announce->setText(announce);
    m_announce->setReadOnly(overridden);
    if (overridden)
        m_announce->setToolTip(tr("Set by KITH_ANNOUNCE in the environment."));
}

QString SettingsDialog::announce() const
{
    return m_announce->text().trimmed();
}

QString SettingsDialog::theme() const
{
    return m_theme->currentData().toString();
}

void SettingsDialog::setNotifications(bool on)
{
    const QSignalBlocker quiet(m_notify);
    m_notify->setChecked(on);
}

bool SettingsDialog::notifications() const
{
    return m_notify->isChecked();
}

void SettingsDialog::setSound(bool on)
{
    const QSignalBlocker quiet(m_sound);
    m_sound->setChecked(on);
}

bool SettingsDialog::sound() const
{
    return m_sound->isChecked();
}

QString SettingsDialog::language() const
{
    return m_language->currentData().toString();
}

} // namespace kith::app
