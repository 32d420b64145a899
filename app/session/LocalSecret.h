#pragma once
//! The key of the local owner's account (the account on the server this app runs itself):
//! its token and random password, kept in the keychain, or, with no keychain, the token alone
//! in a file of the data folder that only the user can read (and the user is told so).

#include <QObject>
#include <functional>
#include <optional>
#include <utility>

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

    //! Written only when it differs from what was read or saved last (every start signs in
    //! with the same token: rewriting it would be a synced file write on the way to the window).
    void save(const QString &username, const QString &token, const QString &password);
    //! `done` gets the token and the password; either may be empty (nothing kept). After
    //! readAhead() for this user, the answer it got (at once, or when it comes).
    void read(const QString &username, std::function<void(QString token, QString password)> done);
    //! Asks the keychain now, for a read() to come: its answer (a round trip to another
    //! process) arrives while the window is built and the server starts, not after them.
    void readAhead(const QString &username);

    QString keyFile() const; //!< where the token goes without a keychain

private:
    using Done = std::function<void(QString token, QString password)>;
    void fetch(const QString &username, Done done);
    bool saveToFile(const QString &token); //!< false: not saved (the user is told)

    Keychain *m_keychain;
    QSettings *m_settings;
    Notices *m_notices;
    QString m_dataDir;
    struct Kept {
        QString username, token, password;
        bool tokenOnly = false; //!< in the file, which never holds the password
    };
    std::optional<Kept> m_kept;
    struct Ahead {
        QString username;
        std::optional<std::pair<QString, QString>> answer; //!< token, password, once in
        Done waiting;                                      //!< a read() that came first
    };
    std::optional<Ahead> m_ahead;
};

} // namespace kith::app
