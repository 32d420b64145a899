#pragma once
//! The ceiling of this stack: a single-threaded QWebSocketServer that sends every text frame it
//! receives to every connected client (the sender included), with no parsing, auth or storage.

#include <QHostAddress>
#include <QList>
#include <QObject>

class QWebSocket;
class QTcpServer;
class QWebSocketServer;

namespace kith::bench {

class Relay : public QObject
{
    Q_OBJECT
public:
    explicit Relay(QObject *parent = nullptr);
    bool listen(const QHostAddress &host, quint16 port, QString *error);
    quint16 port() const;

private:
    void onNewConnection();

    QTcpServer *m_tcp;
    QWebSocketServer *m_server;
    QList<QWebSocket *> m_clients;
};

} // namespace kith::bench
