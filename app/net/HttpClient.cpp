#include "HttpClient.h"

#include "Connection.h"
#include "TlsTrust.h"
#include "shared/InviteLink.h"

#include <QIODevice>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#if QT_CONFIG(ssl)
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslError>
#endif

namespace kith::app {

HttpClient::HttpClient(Connection *connection, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
{ }

QNetworkAccessManager *HttpClient::nam()
{
    // Made on the first request: most sessions never send or show a file, and the manager
    // with its HTTP machinery is memory the app at rest does not need.
    if (!m_nam) {
        m_nam = new QNetworkAccessManager(this);
        // The host closes each connection after one request (PROTOCOL.md 16); nothing to keep.
        m_nam->setRedirectPolicy(QNetworkRequest::ManualRedirectPolicy);
    }
    return m_nam;
}

QUrl HttpClient::urlOf(const QString &pathAndQuery) const
{
    QUrl base = m_connection->url();
    base.setScheme(base.scheme() == u"wss" ? QStringLiteral("https") : QStringLiteral("http"));
    base.setUserInfo({});
    base.setFragment({});
    return base.resolved(QUrl(pathAndQuery));
}

QNetworkReply *HttpClient::upload(const QString &filename, QIODevice *body, const QString &contentType)
{
    QUrl url = urlOf(QStringLiteral("/api/v1/attachments"));
    // Every byte that is not plain ASCII letters or digits goes percent-encoded: a name with
    // "&", "+" or "%" in it reaches the host as it was.
    url.setQuery(QStringLiteral("filename=") + QString::fromLatin1(QUrl::toPercentEncoding(filename)),
                 QUrl::StrictMode);
    QNetworkRequest request(url);
    request.setRawHeader("Authorization", "Bearer " + m_connection->token().toUtf8());
    request.setHeader(QNetworkRequest::ContentTypeHeader,
                      contentType.isEmpty() ? QStringLiteral("application/octet-stream") : contentType);
    request.setHeader(QNetworkRequest::ContentLengthHeader, body->size());
    // The host speaks HTTP/1.1 only (PROTOCOL.md 16): no HTTP/2 offered over TLS.
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = nam()->post(request, body);
    body->setParent(reply);
    watchTls(reply);
    return reply;
}

QNetworkReply *HttpClient::get(const QString &pathAndQuery)
{
    QNetworkRequest request(urlOf(pathAndQuery));
    request.setRawHeader("Authorization", "Bearer " + m_connection->token().toUtf8());
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute, false);
    QNetworkReply *reply = nam()->get(request);
    watchTls(reply);
    return reply;
}

void HttpClient::watchTls(QNetworkReply *reply)
{
#if QT_CONFIG(ssl)
    // The same rule as the WebSocket (Connection::onSslErrors): a certificate no authority
    // vouches for (a LAN party's own) is judged by the pin alone, its name and dates included;
    // one an authority does vouch for must be valid, and is never overridden here.
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        const QString pin = m_connection->pinnedFingerprint();
        if (pin.isEmpty())
            return;
        if (noAuthorityVouches(errors)
            && InviteLink::fingerprintOf(reply->sslConfiguration().peerCertificate().toDer()) == pin)
            reply->ignoreSslErrors(errors);
    });
#endif
}

QString HttpClient::errorText(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    if (status == 413)
        return tr("the file is too large for this server");
    const QJsonObject o = QJsonDocument::fromJson(reply->peek(4096)).object();
    const QString message = o.value(QLatin1String("message")).toString();
    if (!message.isEmpty())
        return message;
    return status ? tr("the server answered %1").arg(status) : reply->errorString();
}

bool HttpClient::isTransient(QNetworkReply *reply)
{
    const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    // No answer at all (refused, reset, timed out), or the host asks to come back later. A
    // 401 comes from a token changed under us: the next sign-in brings the new one.
    return status == 0 || status == 401 || status == 503 || status == 500;
}

} // namespace kith::app
