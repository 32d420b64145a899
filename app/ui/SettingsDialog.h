#pragma once
//! Ctrl+,: the settings as a page over the window, in sections: My account, Appearance (the
//! theme applies at once), Notifications, Language, Keyboard shortcuts, Advanced.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QFormLayout;
class QListWidget;
class QPushButton;
class QTreeWidget;

namespace kith::app {

class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(const QString &theme, const QString &language, const QString &dataDir,
                   QWidget *parent = nullptr);
    QString theme() const;
    QString language() const;
    void setNotifications(bool on);
    bool notifications() const;
    void setSound(bool on);
    bool sound() const;
    //! Where LAN party beacons go and are listened for: "HOST:PORT", or empty for every
    //! network (`overridden`: KITH_ANNOUNCE decides, the field is read-only).
    void setAnnounce(const QString &announce, bool overridden);
    QString announce() const;
    //! My account on the host shown: the name others see; a password to change only for an
    //! account one signs in to by password (not the app's own server, not a guest).
    void setAccount(const QString &displayName, bool canRename, bool canChangePassword);
    //! What the host answered: `ok`, or the reason shown under the field.
    void showNameResult(bool ok, const QString &message);
    void showPasswordResult(bool ok, const QString &message);
    //! The section list, in order, as the user reads it; showSection opens one by its row.
    QStringList sections() const;
    void setTextScale(double scale);
    void setCompact(bool compact);
    void showSection(int index);

signals:
    void themeChosen(const QString &theme);
    void signOutRequested();
    void notificationsChosen(bool on);
    void soundChosen(bool on);
    void displayNameChosen(const QString &name);
    void passwordChangeRequested(const QString &oldPassword, const QString &newPassword);
    void connectionLogRequested();
    //! "Edit profile…": the avatar and display name in the profile dialog.
    void profileRequested();
    void textScaleChosen(double scale);
    void compactChosen(bool compact);
    //! A language picked in the list: applied at once, the dialog stays open.
    void languageChosen(const QString &language);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();

    QListWidget *m_sections = nullptr;
    QFormLayout *m_accountForm = nullptr;
    QComboBox *m_textScale = nullptr;
    QComboBox *m_density = nullptr;
    QComboBox *m_theme;
    QComboBox *m_language;
    QCheckBox *m_notify;
    QCheckBox *m_sound;
    QLineEdit *m_announce;
    QLineEdit *m_displayName;
    QPushButton *m_saveName;
    QPushButton *m_editProfile;
    QLabel *m_nameStatus;
    QWidget *m_passwordBox;
    QLineEdit *m_oldPassword;
    QLineEdit *m_newPassword;
    QLineEdit *m_confirmPassword;
    QPushButton *m_changePassword;
    QLabel *m_passwordStatus;
    QString m_savedName;
    QPushButton *m_signOut;
    QPushButton *m_openLog;
    QTreeWidget *m_shortcuts;
    //! Texts set again on a language change: a page's heading (and its entry in the list),
    //! and the form's labels and hints, each with its untranslated source.
    QList<QPair<QLabel *, const char *>> m_pageTitles;
    QList<QPair<QLabel *, const char *>> m_labels;
    bool m_canRename = true;
    bool m_announceOverridden = false;
    bool m_passwordsDiffer = false;
};

} // namespace kith::app
