#pragma once
//! HTTP requests to the host a Connection is signed in to (PROTOCOL.md 16): the same host and
//! port, http or https as the WebSocket is ws or wss, the session's token as the bearer, and
//! for a self-signed host exactly the certificate the Connection pinned.

#include <QObject>
#include <QString>

class QIODevice;
class QNetworkAccessManager;
class QNetworkReply;
class QUrl;

namespace kith::app {

class Connection;

class HttpClient : public QObject
{
    Q_OBJECT
public:
    explicit HttpClient(Connection *connection, QObject *parent = nullptr);

    //! POST /api/v1/attachments?filename=NAME with `body` (opened; the reply takes it over).
    QNetworkReply *upload(const QString &filename, QIODevice *body, const QString &contentType);
    //! GET of a path on the host (an attachment's url, maybe with a query).
    QNetworkReply *get(const QString &pathAndQuery);
    //! The URL of a path on the host: http(s)://HOST:PORT/path.
    QUrl urlOf(const QString &pathAndQuery) const;

    //! The host's JSON error ({code, message}) or Qt's words for a failed reply, for the user.
    static QString errorText(QNetworkReply *reply);
    //! A network failure (worth a retry later) rather than the host's refusal.
    static bool isTransient(QNetworkReply *reply);

private:
    QNetworkAccessManager *nam();
    void watchTls(QNetworkReply *reply);

    Connection *m_connection;
    QNetworkAccessManager *m_nam = nullptr;
};

} // namespace kith::app
