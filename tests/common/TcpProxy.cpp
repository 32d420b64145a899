#include "TcpProxy.h"

#include <QPointer>
#include <QTcpServer>
#include <QTcpSocket>

namespace kith::test {

class TcpProxy::Relay : public QObject
{
public:
    Relay(QString host, quint16 port) : m_host(std::move(host)), m_targetPort(port)
    {
        connect(&m_server, &QTcpServer::newConnection, this, [this] {
            while (QTcpSocket *in = m_server.nextPendingConnection())
                pair(in);
        });
    }

    quint16 listen(quint16 port)
    {
        return m_server.listen(QHostAddress::LocalHost, port) ? m_server.serverPort() : 0;
    }

    void cut()
    {
        m_server.close();
        const auto sockets = findChildren<QTcpSocket *>();
        for (QTcpSocket *s : sockets)
            s->abort();
        qDeleteAll(sockets);
    }

private:
    void pair(QTcpSocket *in)
    {
        in->setParent(this);
        auto *out = new QTcpSocket(this);
        const QPointer<QTcpSocket> a(in), b(out);
        auto relay = [](QTcpSocket *from, const QPointer<QTcpSocket> &to) {
            if (to && to->state() == QAbstractSocket::ConnectedState)
                to->write(from->readAll());
        };
        connect(out, &QTcpSocket::connected, in, [in, out, relay] { relay(in, out); });
        connect(in, &QTcpSocket::readyRead, out, [in, b, relay] { relay(in, b); });
        connect(out, &QTcpSocket::readyRead, in, [out, a, relay] { relay(out, a); });
        auto close = [a, b] {
            if (a)
                a->disconnectFromHost();
            if (b)
                b->disconnectFromHost();
        };
        connect(in, &QTcpSocket::disconnected, this, close);
        connect(out, &QTcpSocket::disconnected, this, close);
        connect(out, &QTcpSocket::errorOccurred, this, close);
        out->connectToHost(m_host, m_targetPort);
    }

    QTcpServer m_server{this}; // a child: it moves to the relay thread with us
    QString m_host;
    quint16 m_targetPort;
};

TcpProxy::TcpProxy(const QString &targetHost, quint16 targetPort)
{
    m_thread.setObjectName(QStringLiteral("tcp-proxy"));
    m_thread.start();
    m_relay = new Relay(targetHost, targetPort);
    m_relay->moveToThread(&m_thread);
}

TcpProxy::TcpProxy(const QUrl &databaseUrl)
    : TcpProxy(databaseUrl.host(), quint16(databaseUrl.port()))
{
    m_target = databaseUrl;
}

QString TcpProxy::relayedUrl() const
{
    QUrl relayed = m_target;
    relayed.setPort(m_port);
    return relayed.toString();
}

TcpProxy::~TcpProxy()
{
    QMetaObject::invokeMethod(m_relay, [r = m_relay] { r->cut(); delete r; }, Qt::BlockingQueuedConnection);
    m_thread.quit();
    m_thread.wait();
}

bool TcpProxy::start()
{
    quint16 port = 0;
    QMetaObject::invokeMethod(m_relay, [this, &port] { port = m_relay->listen(0); }, Qt::BlockingQueuedConnection);
    m_port = port;
    return port != 0;
}

void TcpProxy::cut()
{
    QMetaObject::invokeMethod(m_relay, [this] { m_relay->cut(); }, Qt::BlockingQueuedConnection);
}

bool TcpProxy::restore()
{
    quint16 port = 0;
    QMetaObject::invokeMethod(m_relay, [this, &port] { port = m_relay->listen(m_port); }, Qt::BlockingQueuedConnection);
    return port == m_port;
}

} // namespace kith::test
