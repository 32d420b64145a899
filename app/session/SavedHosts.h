#pragma once
//! The hosts beyond the app's first, kept from run to run: url, username, kind and label in
//! the settings (`hosts` array), their tokens in the keychain. While a saved host's token is
//! still being read at start, a join of the same host waits for it (joining twice would make a
//! second account there, a second guest at a party).

#include <QHash>
#include <QList>
#include <QObject>
#include <QUrl>
#include <functional>

class QSettings;

namespace kith::app {

class HostSession;
class Keychain;

class SavedHosts : public QObject
{
    Q_OBJECT
public:
    struct Entry {
        QUrl url;
        QString username;
        bool guest = false;
        QString label;
        bool operator==(const Entry &) const = default;
    };

    SavedHosts(QSettings *settings, Keychain *keychain, QObject *parent = nullptr);

    //! Keeps the hosts signed in to, except `skip` (the app's first, kept on its own).
    void save(const QList<HostSession *> &hosts, const HostSession *skip);
    //! Reads every saved host's token; `found` gets each one that has a token.
    void restore(std::function<void(const Entry &entry, const QString &token)> found);
    //! A saved host at `url` whose token is still being read: `then` runs once it is restored,
    //! or known to be gone, and this returns true. False: nothing to wait for.
    bool whenRestored(const QUrl &url, std::function<void()> then);

    //! The keychain entry of the token of `user` at `url`.
    static QString tokenKey(const QUrl &url, const QString &user);

private:
    QList<Entry> saved() const; //!< as the settings hold them

    QSettings *m_settings;
    Keychain *m_keychain;
    //! Host ids whose token is still being read, with the joins that wait for them.
    QHash<QString, QList<std::function<void()>>> m_restoring;
};

} // namespace kith::app
