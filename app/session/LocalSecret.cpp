#include "LocalSecret.h"

#include "Notices.h"
#include "platform/Keychain.h"
#include "Settings.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QSettings>

namespace kith::app {

namespace {
const QString kKeychainNoticeShown = QStringLiteral("notices/keychain_shown");

QString entry(const QString &username)
{
    return QStringLiteral("local/") + username.toLower();
}
} // namespace

LocalSecret::LocalSecret(Keychain *keychain, QSettings *settings, Notices *notices, const QString &dataDir,
                         QObject *parent)
    : QObject(parent), m_keychain(keychain), m_settings(settings), m_notices(notices), m_dataDir(dataDir)
{
}

QString LocalSecret::keyFile() const
{
    return QDir(m_dataDir).filePath(QStringLiteral("local-account.key"));
}

// Without a keychain the file is the only way: the alternative would be an account nobody can
// sign in to after a restart. It holds only for the server this app hosts, whose database sits
// in the same folder.
void LocalSecret::save(const QString &username, const QString &token, const QString &password)
{
    if (m_ahead && !m_ahead->waiting)
        m_ahead.reset(); // what it read is old now
    if (m_kept && m_kept->username == username && m_kept->token == token
        && (m_kept->tokenOnly || m_kept->password == password))
        return;
    const QByteArray secret = QJsonDocument(QJsonObject{{QStringLiteral("token"), token},
                                                        {QStringLiteral("password"), password}})
                                  .toJson(QJsonDocument::Compact);
    m_keychain->write(entry(username), QString::fromUtf8(secret), this, [this, username, token, password](bool persisted) {
        if (persisted)
            QFile::remove(keyFile());
        else if (!saveToFile(token))
            return;
        m_kept = Kept{username, token, password, !persisted};
    });
}

bool LocalSecret::saveToFile(const QString &token)
{
    // The file keeps the token only: it opens this account on this server and nothing
    // else, and a password change revokes it. The password is never written to disk.
    QSaveFile f(keyFile());
    const QByteArray bytes = QJsonDocument(QJsonObject{{QStringLiteral("token"), token}}).toJson(QJsonDocument::Compact);
    const bool saved = f.open(QIODevice::WriteOnly)
        && f.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) && f.write(bytes) == bytes.size()
        && f.commit();
    if (!saved) {
        m_notices->show(QStringLiteral("keychain"), [file = QDir::toNativeSeparators(keyFile()), why = f.errorString()] {
            return tr("No system keychain found, and your local server's key could not be saved (%1): you will "
                      "need to sign in again next time.").arg(why) + QLatin1Char('\n') + tr("Details: %1").arg(file);
        });
        return false;
    }
    // Once per data folder: it is news the first time, noise every start after.
    if (m_settings->value(kKeychainNoticeShown).toBool())
        return true;
    storeSetting(m_settings, kKeychainNoticeShown, true);
    m_notices->show(QStringLiteral("keychain"), [file = QDir::toNativeSeparators(keyFile())] {
#ifdef Q_OS_WIN
        // NTFS permissions are not set from here: say what is true.
        return tr("No system keychain found: your local server's key is kept in Kith's data folder, "
                  "not encrypted; anyone who can read your files can read it.")
#else
        return tr("No system keychain found: your local server's key is kept in Kith's data folder, "
                  "readable only by you.")
#endif
            + QLatin1Char('\n') + tr("Details: %1").arg(file);
    });
    return true;
}

void LocalSecret::read(const QString &username, Done done)
{
    if (m_ahead && m_ahead->username == username) {
        if (!m_ahead->answer) {
            m_ahead->waiting = std::move(done);
            return;
        }
        const auto [token, password] = *std::exchange(m_ahead, std::nullopt)->answer;
        done(token, password);
        return;
    }
    fetch(username, std::move(done));
}

void LocalSecret::readAhead(const QString &username)
{
    m_ahead = Ahead{username, std::nullopt, {}};
    fetch(username, [this, username](QString token, QString password) {
        if (!m_ahead || m_ahead->username != username)
            return; // saved over meanwhile: a read() asks again
        if (Done done = std::move(m_ahead->waiting)) {
            m_ahead.reset();
            done(token, password);
            return;
        }
        m_ahead->answer = std::pair{token, password};
    });
}

void LocalSecret::fetch(const QString &username, Done done)
{
    m_keychain->read(entry(username), this, [this, username, done](std::optional<QString> secret) {
        QByteArray bytes = secret ? secret->toUtf8() : QByteArray();
        const bool inKeychain = !bytes.isEmpty();
        if (!inKeychain) {
            QFile f(keyFile());
            if (f.open(QIODevice::ReadOnly))
                bytes = f.readAll();
        }
        const QJsonObject o = QJsonDocument::fromJson(bytes).object();
        const QString token = o.value(QStringLiteral("token")).toString();
        const QString password = o.value(QStringLiteral("password")).toString();
        if (!token.isEmpty())
            m_kept = Kept{username, token, password, !inKeychain};
        done(token, password);
    });
}

} // namespace kith::app
