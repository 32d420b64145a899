#include "AttachmentCache.h"

#include "net/HttpClient.h"

#include <QCoreApplication>
#include <QNetworkReply>
#include <QPointer>
#include <QSaveFile>
#include <QThreadPool>

namespace kith::app {

namespace {
constexpr qint64 kDefaultCapBytes = 64 * 1024 * 1024; // ~160 thumbnails of 400x256
constexpr int kAvatarCapKiB = 4 * 1024;                // ~110 avatars of 96x96

// Off the GUI thread: the 256x256 PNG scaled down once. Square: each view cuts its own shape
// (a circle for people, a rounded square for a selected guild).
QImage smallAvatar(const QByteArray &bytes)
{
    const QImage src = QImage::fromData(bytes);
    if (src.isNull())
        return {};
    const int px = AttachmentCache::kAvatarPixels;
    return src.scaled(px, px, Qt::IgnoreAspectRatio, Qt::SmoothTransformation)
        .convertToFormat(QImage::Format_ARGB32_Premultiplied);
}
} // namespace

AttachmentCache::AttachmentCache(HttpClient *http, QObject *parent) : QObject(parent), m_http(http)
{
    setCapBytes(kDefaultCapBytes);
    m_avatars.setMaxCost(kAvatarCapKiB);
}

QImage AttachmentCache::avatar(const QString &path)
{
    if (path.isEmpty())
        return {};
    if (const QImage *img = m_avatars.object(path))
        return *img;
    if (m_avatarsLoading.contains(path) || m_avatarsFailed.contains(path))
        return {};
    m_avatarsLoading.insert(path);
    ++m_avatarFetches;
    QNetworkReply *reply = m_http->get(path);
    connect(reply, &QNetworkReply::finished, this, [this, reply, path] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            m_avatarsLoading.remove(path);
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 0)
                m_avatarsFailed.insert(path); // the path is gone for good (replaced or removed)
            return;
        }
        QThreadPool::globalInstance()->start([self = QPointer<AttachmentCache>(this), path, bytes = reply->readAll()] {
            QImage image = smallAvatar(bytes);
            QMetaObject::invokeMethod(qApp, [self, path, image = std::move(image)] {
                if (!self)
                    return;
                self->m_avatarsLoading.remove(path);
                if (image.isNull()) {
                    self->m_avatarsFailed.insert(path);
                    return;
                }
                self->m_avatars.insert(path, new QImage(image), int(qMax<qint64>(1, image.sizeInBytes() / 1024)));
                emit self->avatarReady(path);
            }, Qt::QueuedConnection);
        });
    });
    return {};
}

QImage AttachmentCache::thumbnail(const Attachment &a)
{
    if (const QImage *img = m_thumbs.object(a.id))
        return *img;
    if (!a.id || m_loading.contains(a.id) || m_failed.contains(a.id))
        return {};
    m_loading.insert(a.id);
    ++m_fetches;
    QNetworkReply *reply = m_http->get(a.url() + QStringLiteral("?thumb=1"));
    const Id id = a.id;
    connect(reply, &QNetworkReply::finished, this, [this, reply, id] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            m_loading.remove(id);
            // A network failure may pass; a refusal (404: not an image after all) will not.
            if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 0)
                m_failed.insert(id);
            return;
        }
        // Decoding takes a few ms a picture: off the GUI thread, so scrolling stays smooth.
        QThreadPool::globalInstance()->start([self = QPointer<AttachmentCache>(this), id, bytes = reply->readAll()] {
            QImage image = QImage::fromData(bytes);
            QMetaObject::invokeMethod(qApp, [self, id, image = std::move(image)] {
                if (!self)
                    return;
                self->m_loading.remove(id);
                if (image.isNull()) {
                    self->m_failed.insert(id);
                    return;
                }
                self->m_thumbs.insert(id, new QImage(image), int(qMax<qint64>(1, image.sizeInBytes() / 1024)));
                emit self->thumbnailReady(id);
            }, Qt::QueuedConnection);
        });
    });
    return {};
}

void AttachmentCache::fetch(const Attachment &a, QObject *context,
                            std::function<void(const QByteArray &, const QString &)> done)
{
    QNetworkReply *reply = m_http->get(a.url());
    QPointer<QObject> guard(context);
    connect(reply, &QNetworkReply::finished, this, [reply, guard, done = std::move(done)] {
        reply->deleteLater();
        if (!guard)
            return;
        if (reply->error() != QNetworkReply::NoError)
            done({}, HttpClient::errorText(reply));
        else
            done(reply->readAll(), {});
    });
}

void AttachmentCache::save(const Attachment &a, const QString &path)
{
    auto *file = new QSaveFile(path);
    const Id id = a.id;
    if (!file->open(QIODevice::WriteOnly)) {
        const QString error = file->errorString();
        delete file;
        emit saved(id, path, false, error);
        return;
    }
    QNetworkReply *reply = m_http->get(a.url());
    file->setParent(reply);
    // Written as it arrives: a large file never sits whole in memory.
    connect(reply, &QNetworkReply::readyRead, this, [reply, file] { file->write(reply->readAll()); });
    connect(reply, &QNetworkReply::downloadProgress, this, [this, id](qint64 received, qint64 total) {
        emit saveProgress(id, received, total);
    });
    connect(reply, &QNetworkReply::finished, this, [this, reply, file, id, path] {
        reply->deleteLater();
        if (reply->error() != QNetworkReply::NoError) {
            file->cancelWriting();
            emit saved(id, path, false, HttpClient::errorText(reply));
            return;
        }
        file->write(reply->readAll());
        const bool ok = file->commit();
        emit saved(id, path, ok, ok ? QString() : file->errorString());
    });
}

} // namespace kith::app
