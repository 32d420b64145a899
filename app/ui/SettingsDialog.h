#pragma once
//! Ctrl+,: theme, language, notifications and their sound, and where the data lives.

#include <QDialog>

class QCheckBox;
class QComboBox;
class QLineEdit;

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

signals:
    void themeChosen(const QString &theme);
    void signOutRequested();
    void notificationsChosen(bool on);
    void soundChosen(bool on);

private:
    QComboBox *m_theme;
    QComboBox *m_language;
    QCheckBox *m_notify;
    QCheckBox *m_sound;
    QLineEdit *m_announce;
};

} // namespace kith::app
