#include "HttpServer.h"

#include "Log.h"
#include "ServerConfig.h"
#include "core/Attachments.h"
#include "net/HttpConnection.h"
#include "net/HttpRequest.h"
#include "shared/Validation.h"

#include <QCryptographicHash>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QUrl>

namespace kith::server {

namespace {
const QString kPrefix = QStringLiteral("/api/v1/attachments");
const QString kAvatars = QStringLiteral("/api/v1/avatars/");
constexpr int kMaxFilename = 255;

//! `filename*=` of RFC 6266, so any name survives.
QByteArray disposition(const QString &filename)
{
    return "attachment; filename*=UTF-8''" + QUrl::toPercentEncoding(filename);
}

QString codeFor(int status)
{
    switch (status) {
    case 400: return QStringLiteral("bad_request");
    case 401: return QStringLiteral("unauthorized");
    case 404: return QStringLiteral("not_found");
    case 413: return QStringLiteral("too_large");
    case 503: return QStringLiteral("unavailable");
    default: return QStringLiteral("internal");
    }
}

int statusFor(const Error &e)
{
    switch (e.code) {
    case ErrorCode::BadRequest: return 400;
    case ErrorCode::Unauthorized: return 401;
    case ErrorCode::NotFound:
    case ErrorCode::Forbidden: return 404;
    case ErrorCode::TooLarge: return 413;
    case ErrorCode::Unavailable: return 503;
    default: return 500;
    }
}

void fail(HttpConnection *c, const Error &e)
{
    const int status = statusFor(e);
    HttpConnection::Headers extra;
    if (status == 401)
        extra.append(QPair<QByteArray, QByteArray>("WWW-Authenticate", "Bearer"));
    if (e.retryAfterMs >= 0)
        extra.append(QPair<QByteArray, QByteArray>("Retry-After", QByteArray::number((e.retryAfterMs + 999) / 1000)));
    c->respondError(status, codeFor(status), e.message, extra);
}

//! The client's Content-Type when it is a plain type/subtype; empty otherwise.
QString cleanType(const QByteArray &header)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9!#$&^_.+-]{1,64}/[A-Za-z0-9!#$&^_.+-]{1,64}$"));
    const QString type = QString::fromLatin1(header).section(QLatin1Char(';'), 0, 0).trimmed().toLower();
    return re.match(type).hasMatch() ? type : QString();
}

bool validFilename(const QString &name)
{
    if (name.isEmpty() || name.size() > kMaxFilename || name == u"." || name == u"..")
        return false;
    for (QChar ch : name)
        if (ch == u'/' || ch == u'\\' || ch.category() == QChar::Other_Control)
            return false;
    return true;
}
} // namespace

HttpServer::HttpServer(Attachments &attachments, const ServerConfig &config, QObject *parent)
    : QObject(parent)
    , m_attachments(attachments)
    , m_config(config)
{
}

QString HttpServer::bearer(const HttpRequest &request)
{
    const QByteArray auth = request.header("authorization");
    if (auth.size() < 7 || qstrnicmp(auth.constData(), "bearer ", 7) != 0)
        return {};
    return QString::fromLatin1(auth.mid(7).trimmed());
}

void HttpServer::handle(QTcpSocket *socket, HttpRequest request, qsizetype headBytes)
{
    auto *c = new HttpConnection(socket, std::move(request), headBytes, m_config.httpBodyTimeoutMs);
    const HttpRequest &r = c->request();
    if (r.path == kPrefix) {
        if (r.method != "POST")
            return c->respondError(405, QStringLiteral("method_not_allowed"), QStringLiteral("use POST"), {{"Allow", "POST"}});
        return upload(c);
    }
    if (r.path.startsWith(kPrefix + QLatin1Char('/'))) {
        const QStringList parts = r.path.mid(kPrefix.size() + 1).split(QLatin1Char('/'));
        if (parts.size() == 2) {
            if (r.method != "GET")
                return c->respondError(405, QStringLiteral("method_not_allowed"), QStringLiteral("use GET"),
                                       {{"Allow", "GET"}});
            return download(c, parts);
        }
    }
    if (r.path.startsWith(kAvatars) && r.path.endsWith(QLatin1String(".png"))) {
        bool ok = false;
        const Id id = r.path.mid(kAvatars.size(), r.path.size() - kAvatars.size() - 4).toULongLong(&ok);
        if (ok && id) {
            if (r.method != "GET")
                return c->respondError(405, QStringLiteral("method_not_allowed"), QStringLiteral("use GET"),
                                       {{"Allow", "GET"}});
            return avatar(c, id);
        }
    }
    c->respondError(404, QStringLiteral("not_found"), QStringLiteral("no such path"));
}

void HttpServer::avatar(HttpConnection *c, Id attachmentId)
{
    QPointer<HttpConnection> guard(c);
    m_attachments.authenticate(bearer(c->request()), [this, guard, attachmentId](Result<Id> &&who) {
        if (!guard)
            return;
        if (!who)
            return fail(guard, who.error());
        m_attachments.openProfileImage(attachmentId, [guard](Result<Attachments::File> &&f) {
            if (!guard)
                return;
            if (!f)
                return fail(guard, f.error());
            auto file = std::make_unique<QFile>(f->path);
            if (!file->open(QIODevice::ReadOnly))
                return fail(guard, Error::notFound(QStringLiteral("no such avatar or icon")));
            // The path names one upload: a new avatar is a new path, so this one may be kept long.
            HttpConnection::Headers h{{"Content-Type", "image/png"},
                                      {"X-Content-Type-Options", "nosniff"},
                                      {"Cache-Control", "private, max-age=86400"}};
            const qint64 size = file->size();
            guard->respondFile(h, std::move(file), size);
        });
    });
}

void HttpServer::upload(HttpConnection *c)
{
    const HttpRequest &r = c->request();
    if (!r.header("transfer-encoding").isEmpty() || !r.headers.contains("content-length"))
        return c->respondError(411, QStringLiteral("length_required"),
                               QStringLiteral("send the body with a Content-Length (no chunked encoding)"));
    bool ok = false;
    const qint64 length = r.header("content-length").toLongLong(&ok);
    if (!ok || length < 0)
        return fail(c, Error::badRequest(QStringLiteral("Content-Length is not a number")));
    if (length > m_config.attachmentBytes)
        return fail(c, Error::tooLarge(QStringLiteral("files may have at most %1 bytes").arg(m_config.attachmentBytes)));
    const QString filename = r.query.queryItemValue(QStringLiteral("filename"), QUrl::FullyDecoded);
    if (!validFilename(filename))
        return fail(c, Error::badRequest(QStringLiteral("give ?filename=NAME: 1-%1 characters, no slashes").arg(kMaxFilename)));
    if (length == 0)
        return fail(c, Error::badRequest(QStringLiteral("the body is empty")));
    const QString contentType = cleanType(r.header("content-type"));
    QPointer<HttpConnection> guard(c);
    m_attachments.authenticate(bearer(r), [this, guard, length, filename, contentType](Result<Id> &&who) {
        if (!guard)
            return;
        if (!who)
            return fail(guard, who.error());
        auto file = std::make_shared<QTemporaryFile>(m_attachments.tempDir() + QStringLiteral("/upload-XXXXXX"));
        if (!file->open())
            return fail(guard, Error::internal(QStringLiteral("cannot store the file")));
        auto hash = std::make_shared<QCryptographicHash>(QCryptographicHash::Sha256);
        guard->onAborted([file] { file->remove(); });
        guard->readBody(
            length,
            [file, hash](QByteArrayView piece) {
                hash->addData(piece);
                return file->write(piece.data(), piece.size()) == piece.size();
            },
            [this, guard, file, hash, length, filename, contentType, user = who.value()] {
                if (!file->flush()) {
                    file->remove();
                    return fail(guard, Error::internal(QStringLiteral("cannot store the file")));
                }
                file->setAutoRemove(false); // Attachments::store moves or removes it
                file->close();
                Attachments::Upload u{user, filename, contentType, length,
                                      QString::fromLatin1(hash->result().toHex()), file->fileName()};
                m_attachments.store(std::move(u), [guard](Result<Attachment> &&a) {
                    if (!guard)
                        return;
                    if (!a)
                        return fail(guard, a.error());
                    QJsonObject o = a->toJson();
                    o.remove(QLatin1String("url")); // given once a message carries it
                    guard->respondJson(201, o);
                });
            });
    });
}

void HttpServer::download(HttpConnection *c, const QStringList &parts)
{
    const HttpRequest &r = c->request();
    bool ok = false;
    const Id id = parts.at(0).toULongLong(&ok);
    if (!ok)
        return fail(c, Error::notFound(QStringLiteral("unknown attachment")));
    const bool thumb = r.query.queryItemValue(QStringLiteral("thumb")) == u"1";
    QPointer<HttpConnection> guard(c);
    m_attachments.authenticate(bearer(r), [this, guard, id, name = parts.at(1), thumb](Result<Id> &&who) {
        if (!guard)
            return;
        if (!who)
            return fail(guard, who.error());
        m_attachments.open(who.value(), id, name, thumb, [guard](Result<Attachments::File> &&f) {
            if (!guard)
                return;
            if (!f)
                return fail(guard, f.error());
            auto file = std::make_unique<QFile>(f->path);
            if (!file->open(QIODevice::ReadOnly))
                return fail(guard, Error::notFound(QStringLiteral("unknown attachment")));
            HttpConnection::Headers h{{"Content-Type", f->contentType.toLatin1()},
                                      {"X-Content-Type-Options", "nosniff"},
                                      {"Cache-Control", "private, max-age=86400"}};
            if (!f->image)
                h.append(QPair<QByteArray, QByteArray>("Content-Disposition", disposition(f->filename)));
            const qint64 size = file->size();
            guard->respondFile(h, std::move(file), size);
        });
    });
}

} // namespace kith::server
