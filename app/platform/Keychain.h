#pragma once
//! Secrets (session tokens) in the OS keychain through QtKeychain. When no keychain works
//! (a bare Linux session), it says so once and keeps secrets in memory for this run only:
//! never a silent fallback to plaintext.

#include <QHash>
#include <QObject>
#include <functional>
#include <optional>

namespace kith::app {

class Keychain : public QObject
{
    Q_OBJECT
public:
    explicit Keychain(const QString &service, QObject *parent = nullptr);

    using ReadHandler = std::function<void(std::optional<QString>)>;
    using WriteHandler = std::function<void(bool persisted)>;

    //! Stores a secret; `persisted` is false when it only lives in memory.
    void write(const QString &key, const QString &secret, QObject *context = nullptr,
               WriteHandler done = {});
    //! Reads a secret; nullopt when there is none.
    void read(const QString &key, QObject *context, ReadHandler done);
    void remove(const QString &key);

    //! False once the OS keychain has failed (or KITH_NO_KEYCHAIN is set).
    bool isAvailable() const { return m_available; }
    QString service() const { return m_service; }

signals:
    //! Emitted once, the first time the keychain turns out to be unusable.
    void unavailable(const QString &reason);

private:
    void markUnavailable(const QString &reason);

    QString m_service;
    bool m_available = true;
    QHash<QString, QString> m_memory;
};

} // namespace kith::app
