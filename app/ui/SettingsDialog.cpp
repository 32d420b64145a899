#include "SettingsDialog.h"

#include "Theme.h"
#include "shared/Limits.h"

#include <QEvent>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QKeySequence>
#include <QListWidget>
#include <QStackedWidget>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>
#include <QPushButton>

namespace kith::app {

namespace {
//! A section's page: a heading, then rows of label and field.
QFormLayout *newPage(QStackedWidget *stack, QLabel **heading)
{
    auto *page = new QWidget(stack);
    auto *row = new QHBoxLayout(page);
    row->setContentsMargins(40, 56, 40, 16);
    // Lines of a readable length, as chat apps keep them, however wide the window.
    auto *content = new QWidget(page);
    content->setMaximumWidth(680);
    row->addWidget(content, 1);
    row->addStretch(0);
    auto *form = new QFormLayout(content);
    form->setVerticalSpacing(12);
    form->setContentsMargins(0, 0, 0, 0);
    form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    *heading = new QLabel(content);
    (*heading)->setProperty("heading", true);
    form->addRow(*heading);
    stack->addWidget(page);
    return form;
}

//! A quiet line of explanation under a setting.
QLabel *hint(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setProperty("muted", true);
    label->setWordWrap(true);
    return label;
}

//! A button at its own width, not stretched across the form.
QHBoxLayout *alone(QWidget *button)
{
    auto *row = new QHBoxLayout;
    row->addWidget(button);
    row->addStretch(1);
    return row;
}
} // namespace

SettingsDialog::SettingsDialog(const QString &theme, const QString &language, const QString &dataDir,
                               QWidget *parent)
    : QDialog(parent), m_theme(new QComboBox(this)), m_language(new QComboBox(this)),
      m_notify(new QCheckBox(this)), m_sound(new QCheckBox(this)), m_announce(new QLineEdit(this))
{
    // A page as large as the window it covers, as chat apps show their settings.
    setMinimumSize(640, 460);
    if (parent)
        resize(parent->size().expandedTo(minimumSize()));
    auto *body = new QHBoxLayout(this);
    body->setContentsMargins(0, 0, 0, 0);
    body->setSpacing(0);
    auto *right = new QVBoxLayout;
    m_sections = new QListWidget(this);
    m_sections->setObjectName(QStringLiteral("SettingsSections"));
    m_sections->setFixedWidth(220);
    auto *stack = new QStackedWidget(this);
    body->addWidget(m_sections);
    body->addLayout(right, 1);
    right->addWidget(stack, 1);
    connect(m_sections, &QListWidget::currentRowChanged, stack, &QStackedWidget::setCurrentIndex);
    auto page = [this, stack](const char *title) {
        m_sections->addItem(QString());
        QLabel *heading = nullptr;
        QFormLayout *form = newPage(stack, &heading);
        m_pageTitles.append({heading, title});
        return form;
    };
    // A form row's label, named again on a language change.
    auto label = [this](const char *source) {
        auto *l = new QLabel(this);
        m_labels.append({l, source});
        return l;
    };
    auto hintLine = [this](const char *source) {
        QLabel *l = hint(this);
        m_labels.append({l, source});
        return l;
    };

    // My account
    QFormLayout *form = page(QT_TR_NOOP("My account"));
    m_displayName = new QLineEdit(this);
    m_displayName->setObjectName(QStringLiteral("DisplayNameEdit"));
    m_displayName->setMaxLength(limits::kDisplayNameMax);
    m_saveName = new QPushButton(this);
    m_saveName->setObjectName(QStringLiteral("SaveName"));
    m_saveName->setEnabled(false);
    auto *nameRow = new QHBoxLayout;
    nameRow->addWidget(m_displayName, 1);
    nameRow->addWidget(m_saveName);
    form->addRow(label(QT_TR_NOOP("Display name")), nameRow);
    m_nameStatus = new QLabel(this);
    m_nameStatus->setObjectName(QStringLiteral("NameStatus"));
    m_nameStatus->setWordWrap(true);
    m_nameStatus->hide();
    form->addRow(QString(), m_nameStatus);
    connect(m_displayName, &QLineEdit::textChanged, this, [this](const QString &t) {
        m_saveName->setEnabled(!t.trimmed().isEmpty() && t.simplified() != m_savedName);
        m_nameStatus->hide();
    });
    auto saveName = [this] {
        if (!m_saveName->isEnabled())
            return;
        m_saveName->setEnabled(false);
        emit displayNameChosen(m_displayName->text().simplified());
    };
    connect(m_saveName, &QPushButton::clicked, this, saveName);
    connect(m_displayName, &QLineEdit::returnPressed, this, saveName);
    // The picture has its own dialog (crop, preview); it opens once the settings close.
    m_editProfile = new QPushButton(this);
    m_editProfile->setObjectName(QStringLiteral("EditProfile"));
    form->addRow(label(QT_TR_NOOP("Avatar")), m_editProfile);
    connect(m_editProfile, &QPushButton::clicked, this, &SettingsDialog::profileRequested);

    m_passwordBox = new QWidget(this);
    auto *pw = new QFormLayout(m_passwordBox);
    pw->setContentsMargins(0, 0, 0, 0);
    m_oldPassword = new QLineEdit(m_passwordBox);
    m_newPassword = new QLineEdit(m_passwordBox);
    m_confirmPassword = new QLineEdit(m_passwordBox);
    for (QLineEdit *edit : {m_oldPassword, m_newPassword, m_confirmPassword}) {
        edit->setEchoMode(QLineEdit::Password);
        edit->setMaxLength(limits::kPasswordMax);
        pw->addRow(edit);
    }
    m_changePassword = new QPushButton(m_passwordBox);
    m_changePassword->setObjectName(QStringLiteral("ChangePassword"));
    m_changePassword->setEnabled(false);
    pw->addRow(m_changePassword);
    m_passwordStatus = new QLabel(m_passwordBox);
    m_passwordStatus->setObjectName(QStringLiteral("PasswordStatus"));
    m_passwordStatus->setWordWrap(true);
    m_passwordStatus->hide();
    pw->addRow(m_passwordStatus);
    form->addRow(label(QT_TR_NOOP("Password")), m_passwordBox);
    m_accountForm = form;
    auto syncPassword = [this] {
        const QString n = m_newPassword->text();
        const bool match = n == m_confirmPassword->text();
        m_changePassword->setEnabled(!m_oldPassword->text().isEmpty() && n.size() >= limits::kPasswordMin && match);
        m_passwordsDiffer = !match && !m_confirmPassword->text().isEmpty();
        m_passwordStatus->setVisible(m_passwordsDiffer);
        m_passwordStatus->setProperty("error", true);
        m_passwordStatus->setText(tr("The new passwords differ."));
    };
    for (QLineEdit *e : {m_oldPassword, m_newPassword, m_confirmPassword})
        connect(e, &QLineEdit::textChanged, this, syncPassword);
    connect(m_changePassword, &QPushButton::clicked, this, [this] {
        m_changePassword->setEnabled(false);
        emit passwordChangeRequested(m_oldPassword->text(), m_newPassword->text());
    });
    auto *signOut = m_signOut = new QPushButton(this);
    signOut->setObjectName(QStringLiteral("SignOut"));
    signOut->setProperty("danger", true);
    form->addRow(QString(), alone(signOut));
    connect(signOut, &QPushButton::clicked, this, [this] {
        emit signOutRequested();
        reject();
    });

    // Appearance
    form = page(QT_TR_NOOP("Appearance"));
    for (const QString &name : Theme::names())
        m_theme->addItem(QString(), name);
    m_theme->setCurrentIndex(qMax(0, m_theme->findData(theme)));
    m_theme->setObjectName(QStringLiteral("ThemeBox"));
    form->addRow(label(QT_TR_NOOP("Theme")), m_theme);
    connect(m_theme, &QComboBox::currentIndexChanged, this, [this] { emit themeChosen(this->theme()); });
    m_textScale = new QComboBox(this);
    m_textScale->setObjectName(QStringLiteral("TextScaleBox"));
    for (const int percent : {90, 100, 110, 125, 150})
        m_textScale->addItem(QString(), percent / 100.0);
    m_textScale->setCurrentIndex(1);
    form->addRow(label(QT_TR_NOOP("Text size")), m_textScale);
    connect(m_textScale, &QComboBox::currentIndexChanged, this,
            [this] { emit textScaleChosen(m_textScale->currentData().toDouble()); });
    m_density = new QComboBox(this);
    m_density->setObjectName(QStringLiteral("DensityBox"));
    m_density->addItem(QString(), false);
    m_density->addItem(QString(), true);
    form->addRow(label(QT_TR_NOOP("Message display")), m_density);
    connect(m_density, &QComboBox::currentIndexChanged, this,
            [this] { emit compactChosen(m_density->currentData().toBool()); });
    form->addRow(QString(), hintLine(QT_TR_NOOP("The window behind shows each choice at once.")));

    // Notifications
    form = page(QT_TR_NOOP("Notifications"));
    m_notify->setObjectName(QStringLiteral("NotifyBox"));
    m_notify->setChecked(true);
    form->addRow(m_notify);
    connect(m_notify, &QCheckBox::toggled, this, &SettingsDialog::notificationsChosen);
    m_sound->setObjectName(QStringLiteral("SoundBox"));
    m_sound->setChecked(true);
    form->addRow(m_sound);
    connect(m_sound, &QCheckBox::toggled, this, &SettingsDialog::soundChosen);
    form->addRow(hintLine(QT_TR_NOOP("Do not disturb silences both; right-click a channel or server to mute it.")));

    // Language
    form = page(QT_TR_NOOP("Language"));
    m_language->addItem(QString(), QStringLiteral("system"));
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(language)));
    m_language->setObjectName(QStringLiteral("LanguageBox"));
    form->addRow(label(QT_TR_NOOP("Language")), m_language);
    form->addRow(QString(), hintLine(QT_TR_NOOP("Kith speaks the chosen language at once.")));
    connect(m_language, &QComboBox::currentIndexChanged, this, [this] { emit languageChosen(this->language()); });

    // Keyboard shortcuts
    form = page(QT_TR_NOOP("Keyboard shortcuts"));
    auto *shortcuts = m_shortcuts = new QTreeWidget(this);
    shortcuts->setObjectName(QStringLiteral("ShortcutList"));
    shortcuts->setColumnCount(2);
    shortcuts->setRootIsDecorated(false);
    shortcuts->setSelectionMode(QAbstractItemView::NoSelection);
    form->addRow(shortcuts);

    // Advanced
    form = page(QT_TR_NOOP("Advanced"));
    m_announce->setObjectName(QStringLiteral("AnnounceEdit"));
    form->addRow(label(QT_TR_NOOP("LAN parties")), m_announce);
    auto *data = new QLabel(dataDir, this);
    data->setObjectName(QStringLiteral("DataFolder"));
    data->setTextInteractionFlags(Qt::TextSelectableByMouse);
    data->setProperty("muted", true);
    data->setWordWrap(true);
    form->addRow(label(QT_TR_NOOP("Data folder")), data);
    auto *log = m_openLog = new QPushButton(this);
    log->setObjectName(QStringLiteral("OpenConnectionLog"));
    connect(log, &QPushButton::clicked, this, &SettingsDialog::connectionLogRequested);
    form->addRow(label(QT_TR_NOOP("Connection")), alone(log));

    m_sections->setCurrentRow(0);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->setContentsMargins(12, 0, 12, 12);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    right->addWidget(buttons);
    retranslate();
}

void SettingsDialog::retranslate()
{
    setWindowTitle(tr("Settings"));
    m_sections->setAccessibleName(tr("Settings sections"));
    for (int i = 0; i < m_pageTitles.size(); ++i) {
        const QString title = tr(m_pageTitles.at(i).second);
        m_sections->item(i)->setText(title);
        m_pageTitles.at(i).first->setText(title);
    }
    for (const auto &[label, source] : std::as_const(m_labels))
        label->setText(tr(source));

    // My account
    m_displayName->setAccessibleName(tr("Display name"));
    m_displayName->setToolTip(m_canRename ? QString() : tr("Guests keep the nickname they joined with."));
    m_saveName->setText(tr("Save"));
    m_editProfile->setText(tr("Edit profile…"));
    m_editProfile->setAccessibleName(tr("Edit profile and avatar"));
    const QList<QPair<QLineEdit *, QString>> fields{{m_oldPassword, tr("Current password")},
                                                    {m_newPassword, tr("New password")},
                                                    {m_confirmPassword, tr("New password again")}};
    for (const auto &[edit, text] : fields) {
        edit->setAccessibleName(text);
        edit->setPlaceholderText(text);
    }
    m_changePassword->setText(tr("Change password"));
    if (m_passwordsDiffer)
        m_passwordStatus->setText(tr("The new passwords differ."));
    m_signOut->setText(tr("Sign out"));

    // Appearance
    for (int i = 0; i < m_theme->count(); ++i)
        m_theme->setItemText(i, Theme::title(m_theme->itemData(i).toString()));
    m_theme->setAccessibleName(tr("Theme"));
    m_textScale->setAccessibleName(tr("Text size"));
    for (int i = 0; i < m_textScale->count(); ++i)
        m_textScale->setItemText(i, tr("%1%").arg(qRound(m_textScale->itemData(i).toDouble() * 100)));
    m_density->setAccessibleName(tr("Message display"));
    m_density->setItemText(0, tr("Cozy: avatars, names above messages"));
    m_density->setItemText(1, tr("Compact: more messages, names on their line"));

    // Notifications
    m_notify->setText(tr("For direct messages and mentions, when Kith is in the background"));
    m_sound->setText(tr("Play a sound for them"));

    // Language: the languages keep their own names.
    m_language->setItemText(0, tr("Follow the system"));
    m_language->setAccessibleName(tr("Language"));

    // Keyboard shortcuts
    const QList<QPair<QKeySequence, QString>> keys{
        {QKeySequence(Qt::CTRL | Qt::Key_K), tr("Find a channel, a conversation or a friend")},
        {QKeySequence(Qt::ALT | Qt::Key_Up), tr("Previous channel")},
        {QKeySequence(Qt::ALT | Qt::Key_Down), tr("Next channel")},
        {QKeySequence(Qt::Key_Up), tr("Edit your last message (in an empty message field)")},
        {QKeySequence(Qt::Key_Return), tr("Send the message")},
        {QKeySequence(Qt::SHIFT | Qt::Key_Return), tr("New line in the message")},
        {QKeySequence(Qt::Key_Escape), tr("Cancel an edit, close what is open")},
        {QKeySequence(Qt::SHIFT | Qt::Key_Delete), tr("Hold while clicking Delete: delete without asking")},
        {QKeySequence(Qt::CTRL | Qt::Key_Comma), tr("Settings")},
        {QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), tr("Connection log")},
        {QKeySequence(Qt::CTRL | Qt::Key_Q), tr("Quit Kith")},
    };
    m_shortcuts->setAccessibleName(tr("Keyboard shortcuts"));
    m_shortcuts->setHeaderLabels({tr("Keys"), tr("What they do")});
    m_shortcuts->clear();
    for (const auto &[seq, what] : keys) // key names are translated too ("Maj" for Shift)
        new QTreeWidgetItem(m_shortcuts, {seq.toString(QKeySequence::NativeText), what});
    m_shortcuts->resizeColumnToContents(0);

    // Advanced
    m_announce->setPlaceholderText(tr("Every network (broadcast)"));
    m_announce->setAccessibleName(tr("LAN parties: where to announce and listen"));
    m_announce->setToolTip(m_announceOverridden
                               ? tr("Set by KITH_ANNOUNCE in the environment.")
                               : tr("HOST:PORT of one address to announce parties to and hear them on, for networks "
                                    "where broadcasts do not reach. Empty: every network this computer is on."));
    m_openLog->setText(tr("Connection log…"));
    m_openLog->setToolTip(tr("The protocol frames Kith sent and received, with tokens and passwords hidden"));
}

void SettingsDialog::changeEvent(QEvent *event)
{
    QDialog::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void SettingsDialog::setCompact(bool compact)
{
    const QSignalBlocker quiet(m_density);
    m_density->setCurrentIndex(compact ? 1 : 0);
}

void SettingsDialog::setTextScale(double scale)
{
    const QSignalBlocker quiet(m_textScale);
    int best = 0;
    for (int i = 1; i < m_textScale->count(); ++i)
        if (qAbs(m_textScale->itemData(i).toDouble() - scale) < qAbs(m_textScale->itemData(best).toDouble() - scale))
            best = i;
    m_textScale->setCurrentIndex(best);
}

void SettingsDialog::showSection(int index)
{
    m_sections->setCurrentRow(index);
}

QStringList SettingsDialog::sections() const
{
    QStringList out;
    for (int i = 0; i < m_sections->count(); ++i)
        out << m_sections->item(i)->text();
    return out;
}

void SettingsDialog::setAccount(const QString &displayName, bool canRename, bool canChangePassword)
{
    m_savedName = displayName;
    m_displayName->setText(displayName);
    m_displayName->setReadOnly(!canRename);
    m_saveName->setVisible(canRename);
    m_canRename = canRename;
    m_displayName->setToolTip(canRename ? QString() : tr("Guests keep the nickname they joined with."));
    m_editProfile->setVisible(canRename);
    if (QWidget *label = m_accountForm->labelForField(m_editProfile))
        label->setVisible(canRename);
    m_passwordBox->setVisible(canChangePassword);
    if (QWidget *label = m_accountForm->labelForField(m_passwordBox))
        label->setVisible(canChangePassword);
}

void SettingsDialog::showNameResult(bool ok, const QString &message)
{
    if (ok)
        m_savedName = m_displayName->text().simplified();
    m_nameStatus->setProperty("error", !ok);
    m_nameStatus->setProperty("muted", ok);
    m_nameStatus->setText(ok ? tr("Saved: others see you as %1.").arg(m_savedName) : message);
    m_nameStatus->style()->unpolish(m_nameStatus);
    m_nameStatus->style()->polish(m_nameStatus);
    m_nameStatus->show();
    m_saveName->setEnabled(!ok);
}

void SettingsDialog::showPasswordResult(bool ok, const QString &message)
{
    if (ok) {
        for (QLineEdit *e : {m_oldPassword, m_newPassword, m_confirmPassword})
            e->clear();
    }
    m_passwordStatus->setProperty("error", !ok);
    m_passwordStatus->setProperty("muted", ok);
    m_passwordStatus->setText(ok ? tr("Password changed. Your other devices were signed out.") : message);
    m_passwordStatus->style()->unpolish(m_passwordStatus);
    m_passwordStatus->style()->polish(m_passwordStatus);
    m_passwordStatus->show();
    if (!ok)
        m_changePassword->setEnabled(true);
}

void SettingsDialog::setAnnounce(const QString &announce, bool overridden)
{
    m_announce->setText(announce);
    m_announce->setReadOnly(overridden);
    m_announceOverridden = overridden;
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
