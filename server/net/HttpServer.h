#pragma once
//! The HTTP side of the gateway's port: a request head that is not a WebSocket upgrade comes
//! here (Gateway::watchHeaders) with its socket, already counted per address and behind TLS
//! when the port speaks it. Routes /api/v1/attachments and /api/v1/avatars (docs/PROTOCOL.md, "HTTP").

#include "shared/Snowflake.h"

#include <QObject>

class QTcpSocket;

namespace kith::server {

class Attachments;
class HttpConnection;
struct HttpRequest;
struct ServerConfig;

class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(Attachments &attachments, const ServerConfig &config, QObject *parent = nullptr);

    //! Takes over a socket whose complete head (`headBytes` long, unread) is `request`.
    void handle(QTcpSocket *socket, HttpRequest request, qsizetype headBytes);

private:
    void upload(HttpConnection *c);
    void download(HttpConnection *c, const QStringList &parts);
    void avatar(HttpConnection *c, Id attachmentId);
    static QString bearer(const HttpRequest &request);

    Attachments &m_attachments;
    const ServerConfig &m_config;
};

} // namespace kith::server
