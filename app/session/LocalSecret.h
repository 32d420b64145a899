#pragma once
//! The key of the local owner's account (the account on the server this app runs itself):
//! its token and random password, kept in the keychain, or, with no keychain, the token alone
//! in a file of the data folder that only the user can read (and the user is told so).

#include <QObject>
#include <functional>

class QSettings;

namespace kith::app {

class Keychain;
class Notices;

class LocalSecret : public QObject
{
    Q_OBJECT
public:
    LocalSecret(Keychain *keychain, QSettings *settings, Notices *notices, const QString &dataDir,
                QObject *parent = nullptr);

    void save(const QString &username, const QString &token, const QString &password);
    //! `done` gets the token and the password; either may be empty (nothing kept).
    void read(const QString &username, std::function<void(QString token, QString password)> done);

    QString keyFile() const; //!< where the token goes without a keychain

private:
    void saveToFile(const QString &token);

    Keychain *m_keychain;
    QSettings *m_settings;
    Notices *m_notices;
    QString m_dataDir;
};

} // namespace kith::app
