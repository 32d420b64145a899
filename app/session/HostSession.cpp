#include "HostSession.h"

#include "net/Outbox.h"
#include "state/ClientState.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>

namespace kith::app {

HostSession::HostSession(const QString &id, Kind kind, const QString &dataDir, QObject *parent)
    : QObject(parent), m_id(id), m_kind(kind), m_dataDir(dataDir),
      m_folder(QDir(dataDir).filePath(QStringLiteral("hosts/") + id)),
      m_connection(new Connection(this)), m_state(new ClientState(m_connection, this))
{
    connect(m_connection, &Connection::signedIn, this, [this](const QString &, const User &me) { onSignedIn(me); });
    connect(m_connection, &Connection::ready, this, &HostSession::nameChanged);
}

HostSession::~HostSession()
{
    // The state reads the outbox until it goes: detach first.
    m_state->setOutbox(nullptr);
}

void HostSession::setIdentity(const QString &id, Kind kind)
{
    if (id == m_id && kind == m_kind)
        return;
    m_id = id;
    m_kind = kind;
    m_folder = QDir(m_dataDir).filePath(QStringLiteral("hosts/") + id);
    m_label.clear();
    emit nameChanged();
}

QString HostSession::idFor(const QUrl &url)
{
    const QByteArray key = url.adjusted(QUrl::StripTrailingSlash).toString().toLower().toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(key, QCryptographicHash::Sha256).toHex().left(12));
}

QString HostSession::name() const
{
    if (m_kind == Kind::Local)
        return tr("Your server");
    if (!m_label.isEmpty())
        return m_label;
    const QString server = m_connection->serverName();
    const QUrl url = m_connection->url();
    // "Kith" is every server's default name: the address says more.
    return server.isEmpty() || server == u"Kith" ? QStringLiteral("%1:%2").arg(url.host()).arg(url.port()) : server;
}

void HostSession::setLabel(const QString &label)
{
    m_label = label;
    emit nameChanged();
}

void HostSession::onSignedIn(const User &me)
{
    // One outbox per account on this host: what one user typed is never sent as another.
    const QString key = QString::fromLatin1(
        QCryptographicHash::hash(me.username.toLower().toUtf8(), QCryptographicHash::Sha256).toHex().left(16));
    const QString path = QDir(m_folder).filePath(QStringLiteral("outbox/%1.json").arg(key));
    if (m_outbox && m_outbox->path() == path)
        return;
    // Before hosts had folders, the outbox lived in <data>/outbox under a key of host and user.
    const QString scope = m_kind == Kind::Local ? QStringLiteral("local") : m_connection->url().toString();
    const QString oldKey = QString::fromLatin1(
        QCryptographicHash::hash((scope + QLatin1Char('|') + me.username.toLower()).toUtf8(), QCryptographicHash::Sha256)
            .toHex().left(16));
    const QString old = QDir(m_dataDir).filePath(QStringLiteral("outbox/%1.json").arg(oldKey));
    if (QFile::exists(old) && !QFile::exists(path)) {
        QDir().mkpath(QFileInfo(path).absolutePath());
        QFile::rename(old, path);
    }
    m_state->setOutbox(nullptr);
    delete m_outbox;
    m_outbox = new Outbox(m_connection, path, this);
    connect(m_outbox, &Outbox::writeFailed, this, &HostSession::outboxWriteFailed);
    m_state->setOutbox(m_outbox);
}

} // namespace kith::app
