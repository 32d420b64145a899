#pragma once
//! The operator's HTTP port: GET /healthz and GET /metrics (Prometheus), nothing else. A request
//! is read with a size cap and a deadline, answered once and the connection closed.

#include <QHostAddress>
#include <QObject>
#include <functional>

class QTcpServer;
class QTcpSocket;

namespace kith::server {

class MetricsServer : public QObject
{
    Q_OBJECT
public:
    //! Answers a health check: ok, or the reason it is not. Called once per check.
    using HealthReply = std::function<void(bool ok, const QString &reason)>;
    struct Handlers {
        std::function<QByteArray()> metrics; //!< the Prometheus text
        std::function<void(HealthReply)> health; //!< may answer later, never blocks
    };

    explicit MetricsServer(Handlers handlers, QObject *parent = nullptr);
    ~MetricsServer() override;

    bool listen(const QHostAddress &host, quint16 port, QString *error);
    quint16 port() const;

private:
    void accept();
    void readRequest(QTcpSocket *socket);
    void respond(QTcpSocket *socket, int status, const QByteArray &contentType, const QByteArray &body,
                 const QByteArray &extraHeaders = {});

    Handlers m_handlers;
    QTcpServer *m_tcp;
};

} // namespace kith::server
