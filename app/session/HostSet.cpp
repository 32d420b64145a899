#include "HostSet.h"

#include "state/ClientState.h"

namespace kith::app {

HostSet::HostSet(const QString &dataDir, QObject *parent) : QObject(parent), m_dataDir(dataDir) {}

HostSession *HostSet::add(const QString &id, HostSession::Kind kind)
{
    if (HostSession *h = find(id))
        return h;
    auto *host = new HostSession(id, kind, m_dataDir, this);
    host->connection()->setFrameLog(m_frameLog);
    m_hosts.append(host);
    ClientState *s = host->state();
    connect(s, &ClientState::readStateChanged, this, &HostSet::countsChanged);
    connect(s, &ClientState::mutesChanged, this, &HostSet::countsChanged);
    connect(s, &ClientState::stateLoaded, this, &HostSet::countsChanged);
    connect(s, &ClientState::dmsChanged, this, &HostSet::countsChanged);
    if (!m_current)
        m_current = host;
    emit hostAdded(host);
    return host;
}

void HostSet::remove(const QString &id)
{
    HostSession *host = find(id);
    if (!host)
        return;
    m_hosts.removeOne(host);
    host->connection()->close();
    const bool wasCurrent = host == m_current;
    if (wasCurrent)
        m_current = m_hosts.isEmpty() ? nullptr : m_hosts.first();
    emit hostRemoved(id);
    if (wasCurrent)
        emit currentChanged(m_current);
    host->deleteLater();
    emit countsChanged();
}

HostSession *HostSet::find(const QString &id) const
{
    for (HostSession *h : m_hosts)
        if (h->id() == id)
            return h;
    return nullptr;
}

HostSession *HostSet::findByUrl(const QUrl &url) const
{
    for (HostSession *h : m_hosts) {
        const QUrl u = h->connection()->url();
        if (u.host().compare(url.host(), Qt::CaseInsensitive) == 0 && u.port() == url.port())
            return h;
    }
    return nullptr;
}

void HostSet::setCurrent(HostSession *host)
{
    if (!host || host == m_current || !m_hosts.contains(host))
        return;
    m_current = host;
    emit currentChanged(host);
}

void HostSet::setFrameLog(FrameLog *log)
{
    m_frameLog = log;
    for (HostSession *h : std::as_const(m_hosts))
        h->connection()->setFrameLog(log);
}

int HostSet::totalMentions() const
{
    int n = 0;
    for (const HostSession *h : m_hosts)
        n += h->state()->totalMentions();
    return n;
}

} // namespace kith::app
