#pragma once
//! One plain HTTP request on a socket the Gateway accepted (and counted): reads its body with an
//! idle timeout, writes one response (a file in chunks as the socket drains) and closes.
//! A child of its socket: it goes when the socket goes.

#include "net/HttpRequest.h"

#include <QFile>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPair>
#include <QTimer>
#include <functional>
#include <memory>

class QTcpSocket;

namespace kith::server {

class HttpConnection : public QObject
{
    Q_OBJECT
public:
    using Headers = QList<QPair<QByteArray, QByteArray>>;

    //! `headBytes`: the request head (blank line included), still unread in the socket.
    HttpConnection(QTcpSocket *socket, HttpRequest request, qsizetype headBytes, int idleTimeoutMs);

    const HttpRequest &request() const { return m_request; }

    //! Reads `length` body bytes, giving each piece to `chunk` (false stops: the connection is
    //! closed), then calls `done`. A body with no byte for the idle timeout closes the connection.
    void readBody(qint64 length, std::function<bool(QByteArrayView)> chunk, std::function<void()> done);

    void respond(int status, const Headers &headers, const QByteArray &body);
    //! {code, message} as the protocol's errors are.
    void respondError(int status, const QString &code, const QString &message, const Headers &extra = {});
    void respondJson(int status, const QJsonObject &body);
    //! Streams the file: the next chunk is written only when the socket has sent the previous ones.
    void respondFile(const Headers &headers, std::unique_ptr<QFile> file, qint64 length);

    //! Runs when the connection closes without a response sent (idle body, peer gone).
    void onAborted(std::function<void()> aborted) { m_aborted = std::move(aborted); }

    static QByteArray reason(int status);

private:
    void onReadyRead();
    void onBytesWritten();
    void writeHead(int status, const Headers &headers, qint64 length);
    void finish();
    void abort();

    QTcpSocket *m_socket;
    HttpRequest m_request;
    QTimer m_idle;
    qint64 m_bodyLeft = 0;
    std::function<bool(QByteArrayView)> m_chunk;
    std::function<void()> m_done;
    std::function<void()> m_aborted;
    std::unique_ptr<QFile> m_file;
    qint64 m_fileLeft = 0;
    bool m_responded = false;
};

} // namespace kith::server
