#include "SavedHosts.h"

#include "HostSession.h"
#include "platform/Keychain.h"

#include <QScopeGuard>
#include <QSettings>

namespace kith::app {

SavedHosts::SavedHosts(QSettings *settings, Keychain *keychain, QObject *parent)
    : QObject(parent), m_settings(settings), m_keychain(keychain)
{
}

QString SavedHosts::tokenKey(const QUrl &url, const QString &user)
{
    return QStringLiteral("remote/%1/%2").arg(url.toString(), user.toLower());
}

void SavedHosts::save(const QList<HostSession *> &hosts, const HostSession *skip)
{
    QList<Entry> entries;
    for (HostSession *h : hosts) {
        if (h == skip || h->connection()->me().username.isEmpty())
            continue; // never signed in: nothing to come back to
        entries.append({h->connection()->url(), h->connection()->me().username,
                        h->kind() == HostSession::Kind::Guest, h->name()});
    }
    if (entries == saved())
        return; // every restored host signs in again at start: no file write for that
    m_settings->remove(QStringLiteral("hosts"));
    m_settings->beginWriteArray(QStringLiteral("hosts"));
    for (qsizetype i = 0; i < entries.size(); ++i) {
        m_settings->setArrayIndex(int(i));
        m_settings->setValue(QStringLiteral("url"), entries[i].url.toString());
        m_settings->setValue(QStringLiteral("username"), entries[i].username);
        m_settings->setValue(QStringLiteral("guest"), entries[i].guest);
        m_settings->setValue(QStringLiteral("label"), entries[i].label);
    }
    m_settings->endArray();
    m_settings->sync();
}

QList<SavedHosts::Entry> SavedHosts::saved() const
{
    const int n = m_settings->beginReadArray(QStringLiteral("hosts"));
    QList<Entry> out;
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        out.append({QUrl(m_settings->value(QStringLiteral("url")).toString()),
                    m_settings->value(QStringLiteral("username")).toString(),
                    m_settings->value(QStringLiteral("guest")).toBool(),
                    m_settings->value(QStringLiteral("label")).toString()});
    }
    m_settings->endArray();
    return out;
}

void SavedHosts::restore(std::function<void(const Entry &, const QString &)> found)
{
    for (const Entry &h : saved()) {
        if (!h.url.isValid() || h.username.isEmpty())
            continue;
        m_restoring.insert(HostSession::idFor(h.url), {});
        m_keychain->read(tokenKey(h.url, h.username), this, [this, h, found](std::optional<QString> token) {
            const QList<std::function<void()>> joins = m_restoring.take(HostSession::idFor(h.url));
            // Joins asked for meanwhile run once this host is restored, or known to be gone.
            const auto finish = qScopeGuard([&joins] {
                for (const auto &join : joins)
                    join();
            });
            if (token)
                found(h, *token);
        });
    }
}

bool SavedHosts::whenRestored(const QUrl &url, std::function<void()> then)
{
    auto waiting = m_restoring.find(HostSession::idFor(url));
    if (waiting == m_restoring.end())
        return false;
    waiting->append(std::move(then));
    return true;
}

} // namespace kith::app
