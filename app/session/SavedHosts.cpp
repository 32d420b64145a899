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
    m_settings->remove(QStringLiteral("hosts"));
    int i = 0;
    m_settings->beginWriteArray(QStringLiteral("hosts"));
    for (HostSession *h : hosts) {
        if (h == skip || h->connection()->me().username.isEmpty())
            continue; // never signed in: nothing to come back to
        m_settings->setArrayIndex(i++);
        m_settings->setValue(QStringLiteral("url"), h->connection()->url().toString());
        m_settings->setValue(QStringLiteral("username"), h->connection()->me().username);
        m_settings->setValue(QStringLiteral("guest"), h->kind() == HostSession::Kind::Guest);
        m_settings->setValue(QStringLiteral("label"), h->name());
    }
    m_settings->endArray();
    m_settings->sync();
}

void SavedHosts::restore(std::function<void(const Entry &, const QString &)> found)
{
    const int n = m_settings->beginReadArray(QStringLiteral("hosts"));
    QList<Entry> saved;
    for (int i = 0; i < n; ++i) {
        m_settings->setArrayIndex(i);
        saved.append({QUrl(m_settings->value(QStringLiteral("url")).toString()),
                      m_settings->value(QStringLiteral("username")).toString(),
                      m_settings->value(QStringLiteral("guest")).toBool(),
                      m_settings->value(QStringLiteral("label")).toString()});
    }
    m_settings->endArray();
    for (const Entry &h : std::as_const(saved)) {
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
