#include "Attachments.h"

#include "Log.h"
#include "core/Credentials.h"
#include "core/Directory.h"
#include "shared/Limits.h"
#include "shared/Snowflake.h"
#include "store/Store.h"
#include "store/WriteQueue.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QImage>
#include <QImageReader>
#include <QPointer>
#include <QThreadPool>

namespace kith::server {

namespace {

constexpr int kSweepEveryMs = 5 * 60 * 1000;

//! What the CPU pool finds out about an upload.
struct Probe {
    QString contentType;
    int width = -1;
    int height = -1;
    int thumb = 0;          //!< 0 none, 1 PNG, 2 JPEG
    QString thumbTemp;      //!< the thumbnail made, to be placed with the content
};

// Runs on the CPU pool: reads the header for the size, decodes and scales for the thumbnail.
// SVG (and anything QImage cannot read) is not an image here: it has no size and no thumbnail.
Probe probe(const QString &path, const QString &claimedType)
{
    Probe p;
    p.contentType = claimedType.isEmpty() ? QStringLiteral("application/octet-stream") : claimedType;
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    const QByteArray format = reader.format().toLower();
    if (format.isEmpty() || format.startsWith("svg"))
        return p;
    const QSize size = reader.size();
    if (!size.isValid())
        return p;
    p.contentType = format == "jpg" ? QStringLiteral("image/jpeg") : QStringLiteral("image/") + QString::fromLatin1(format);
    p.width = size.width();
    p.height = size.height();
    reader.setAutoTransform(true);
    QSize scaled = size;
    if (scaled.width() > limits::kThumbnailSize || scaled.height() > limits::kThumbnailSize)
        scaled = size.scaled(limits::kThumbnailSize, limits::kThumbnailSize, Qt::KeepAspectRatio);
    reader.setScaledSize(scaled.expandedTo(QSize(1, 1)));
    const QImage image = reader.read();
    if (image.isNull())
        return p;
    p.thumb = image.hasAlphaChannel() ? 1 : 2;
    p.thumbTemp = path + QStringLiteral(".thumb");
    if (!image.save(p.thumbTemp, p.thumb == 1 ? "PNG" : "JPEG", p.thumb == 1 ? -1 : 85)) {
        QFile::remove(p.thumbTemp);
        p.thumb = 0;
        p.thumbTemp.clear();
    }
    return p;
}

// Runs on the CPU pool: the centre square, scaled to kAvatarSize, as a PNG at `out`.
bool makeAvatar(const QString &path, const QString &out)
{
    QImageReader reader(path);
    reader.setDecideFormatFromContent(true);
    reader.setAutoTransform(true);
    const QSize size = reader.size();
    if (!size.isValid())
        return false;
    // The centre square stays the centre square under any EXIF rotation or flip.
    const int side = qMin(size.width(), size.height());
    reader.setClipRect(QRect((size.width() - side) / 2, (size.height() - side) / 2, side, side));
    reader.setScaledSize(QSize(limits::kAvatarSize, limits::kAvatarSize));
    QImage image = reader.read();
    if (image.isNull())
        return false;
    if (image.size() != QSize(limits::kAvatarSize, limits::kAvatarSize))
        image = image.scaled(limits::kAvatarSize, limits::kAvatarSize, Qt::IgnoreAspectRatio, Qt::SmoothTransformation);
    if (image.save(out, "PNG"))
        return true;
    QFile::remove(out);
    return false;
}

//! Moves `from` to `to` unless `to` exists (same content), in which case `from` goes.
bool place(const QString &from, const QString &to)
{
    if (QFileInfo::exists(to)) {
        QFile::remove(from);
        return true;
    }
    QDir().mkpath(QFileInfo(to).absolutePath());
    return QFile::rename(from, to);
}

} // namespace

Attachments::Attachments(ServiceContext &ctx, QString dir, QObject *parent)
    : QObject(parent)
    , m_ctx(ctx)
    , m_dir(std::move(dir))
{
    m_sweep.setInterval(kSweepEveryMs);
    connect(&m_sweep, &QTimer::timeout, this, &Attachments::sweep);
}

bool Attachments::prepare(QString *error)
{
    if (!QDir().mkpath(tempDir()) || !QFileInfo(m_dir).isWritable()) {
        *error = QStringLiteral("attachments folder %1 cannot be created or written").arg(m_dir);
        return false;
    }
    // Uploads cut off by a stop are useless: their rows were never written.
    QDir tmp(tempDir());
    for (const QString &f : tmp.entryList(QDir::Files))
        tmp.remove(f);
    m_sweep.start();
    sweep();
    return true;
}

QString Attachments::tempDir() const
{
    return m_dir + QStringLiteral("/tmp");
}

QString Attachments::contentPath(const QString &dir, const QString &sha256)
{
    return dir + QLatin1Char('/') + sha256.left(2) + QLatin1Char('/') + sha256;
}

QString Attachments::thumbPath(const QString &dir, const QString &sha256, int thumb)
{
    return contentPath(dir, sha256) + (thumb == 1 ? QStringLiteral(".thumb.png") : QStringLiteral(".thumb.jpg"));
}

QString Attachments::avatarPath(const QString &dir, const QString &sha256)
{
    return contentPath(dir, sha256) + QStringLiteral(".avatar.png");
}

void Attachments::authenticate(const QString &token, std::function<void(Result<Id> &&)> done)
{
    if (token.isEmpty())
        return done(Error::unauthorized(QStringLiteral("missing bearer token")));
    const QByteArray hash = Credentials::tokenHash(token);
    m_ctx.reader.submit<Id>([hash](Store &s) { return s.userOfToken(hash); },
                            [done = std::move(done)](Result<Id> &&r) {
                                if (!r && r.error().code != ErrorCode::Unavailable)
                                    return done(Error::unauthorized(QStringLiteral("invalid or revoked token")));
                                done(std::move(r));
                            });
}

void Attachments::store(Upload upload, std::function<void(Result<Attachment> &&)> done)
{
    QPointer<Attachments> self(this);
    m_ctx.cpuPool.start([self, upload = std::move(upload), done = std::move(done)]() mutable {
        Probe p = probe(upload.tempPath, upload.contentType);
        QMetaObject::invokeMethod(self.data() ? static_cast<QObject *>(self.data()) : qApp, [self, upload, p, done] {
            if (!self) {
                QFile::remove(upload.tempPath);
                QFile::remove(p.thumbTemp);
                return;
            }
            StoredAttachment a;
            a.attachment.id = self->m_ctx.ids.next();
            a.attachment.filename = upload.filename;
            a.attachment.size = upload.size;
            a.attachment.contentType = p.contentType;
            a.attachment.width = p.width;
            a.attachment.height = p.height;
            a.uploaderId = upload.userId;
            a.sha256 = upload.sha256;
            a.thumb = p.thumb != 0;
            a.createdAtMs = QDateTime::currentMSecsSinceEpoch();
            const QString dir = self->m_dir;
            const int thumbKind = p.thumb;
            // Placed on the store thread, in order with the deletes of unused contents.
            self->m_ctx.store.submit<Attachment>(
                [a, dir, upload, p, thumbKind](Store &s) -> Result<Attachment> {
                    if (!place(upload.tempPath, contentPath(dir, a.sha256)))
                        return Error::internal(QStringLiteral("cannot store the file"));
                    if (thumbKind && !place(p.thumbTemp, thumbPath(dir, a.sha256, thumbKind)))
                        QFile::remove(p.thumbTemp);
                    StoredAttachment row = a;
                    row.thumb = thumbKind != 0;
                    if (auto r = s.insertAttachment(row); !r)
                        return r.error();
                    return a.attachment;
                },
                [done, upload, p](Result<Attachment> &&r) {
                    if (!r) { // whatever was not placed is of no use now
                        QFile::remove(upload.tempPath);
                        QFile::remove(p.thumbTemp);
                    }
                    done(std::move(r));
                });
        });
    });
}

void Attachments::open(Id userId, Id attachmentId, const QString &filename, bool thumb,
                       std::function<void(Result<File> &&)> done)
{
    m_ctx.reader.submit<StoredAttachment>(
        [attachmentId](Store &s) { return s.findAttachment(attachmentId); },
        [this, userId, attachmentId, filename, thumb, done = std::move(done)](Result<StoredAttachment> &&r) {
            const Error missing = Error::notFound(QStringLiteral("unknown attachment"));
            if (!r)
                return done(r.error().code == ErrorCode::Unavailable ? r.error() : missing);
            const StoredAttachment &a = r.value();
            bool allowed = false;
            if (!a.messageId) {
                allowed = a.uploaderId == userId;
            } else if (const Channel *c = m_ctx.directory.channel(a.channelId)) {
                allowed = m_ctx.directory.canView(userId, *c);
            }
            if (!allowed || a.attachment.filename != filename)
                return done(missing);
            File f;
            f.filename = a.attachment.filename;
            f.image = a.attachment.width >= 0;
            if (thumb) {
                if (!a.thumb)
                    return done(Error::notFound(QStringLiteral("no thumbnail: not an image")));
                for (int kind : {1, 2}) {
                    const QFileInfo info(thumbPath(m_dir, a.sha256, kind));
                    if (info.exists()) {
                        f.path = info.filePath();
                        f.size = info.size();
                        f.contentType = kind == 1 ? QStringLiteral("image/png") : QStringLiteral("image/jpeg");
                        return done(std::move(f));
                    }
                }
                return done(missing);
            }
            f.path = contentPath(m_dir, a.sha256);
            f.size = a.attachment.size;
            f.contentType = a.attachment.contentType;
            if (!QFileInfo::exists(f.path)) {
                qCWarning(lcGateway) << "attachment" << attachmentId << "has no file" << f.path;
                return done(missing);
            }
            done(std::move(f));
        });
}

void Attachments::setProfileImage(Id userId, Id attachmentId, std::function<Result<QStringList>(Store &)> apply,
                                  std::function<void(Result<Done> &&)> done)
{
    const QString dir = m_dir;
    QPointer<Attachments> self(this);
    // On the store thread: the PNG placed (in order with removeUnused), then the choice recorded.
    auto record = [self, dir, apply = std::move(apply), done](QString sha, QString temp) {
        if (!self) {
            QFile::remove(temp);
            return;
        }
        self->m_ctx.store.submit<QStringList>(
            [dir, sha, temp, apply](Store &s) -> Result<QStringList> {
                if (!temp.isEmpty() && !place(temp, avatarPath(dir, sha)))
                    return Error::internal(QStringLiteral("cannot store the image"));
                return apply(s);
            },
            [self, dir, temp, done](Result<QStringList> &&r) {
                if (!r) {
                    QFile::remove(temp);
                    return done(r.error());
                }
                if (self)
                    removeUnused(self->m_ctx.store, dir, r.value());
                done(Done{});
            });
    };
    if (!attachmentId)
        return record(QString(), QString());
    m_ctx.reader.submit<StoredAttachment>(
        [attachmentId](Store &s) { return s.findAttachment(attachmentId); },
        [self, dir, userId, attachmentId, record, done](Result<StoredAttachment> &&r) {
            if (!self)
                return;
            if (!r && r.error().code == ErrorCode::Unavailable)
                return done(r.error());
            if (!r || r->uploaderId != userId || r->messageId || r->attachment.width < 0)
                return done(Error::badRequest(
                    QStringLiteral("attachment %1 is not an unused image upload of yours").arg(attachmentId)));
            const QString sha = r->sha256;
            if (QFileInfo::exists(avatarPath(dir, sha)))
                return record(sha, QString());
            const QString source = contentPath(dir, sha);
            const QString temp = self->tempDir() + QStringLiteral("/avatar-%1.png").arg(self->m_ctx.ids.next());
            self->m_ctx.cpuPool.start([self, source, temp, sha, record, done] {
                const bool made = makeAvatar(source, temp);
                QMetaObject::invokeMethod(self.data() ? static_cast<QObject *>(self.data()) : qApp,
                                          [made, sha, temp, record, done] {
                                              if (!made)
                                                  return done(Error::badRequest(
                                                      QStringLiteral("the image cannot be read")));
                                              record(sha, temp);
                                          });
            });
        });
}

void Attachments::openProfileImage(Id attachmentId, std::function<void(Result<File> &&)> done)
{
    m_ctx.reader.submit<QString>(
        [attachmentId](Store &s) { return s.profileImage(attachmentId); },
        [this, done = std::move(done)](Result<QString> &&r) {
            if (!r)
                return done(r.error());
            File f;
            f.path = avatarPath(m_dir, r.value());
            f.contentType = QStringLiteral("image/png");
            f.image = true;
            const QFileInfo info(f.path);
            if (!info.exists())
                return done(Error::notFound(QStringLiteral("no such avatar or icon")));
            f.size = info.size();
            done(std::move(f));
        });
}

void Attachments::removeUnused(WriteQueue &store, const QString &dir, const QStringList &shas)
{
    if (shas.isEmpty())
        return;
    store.submit<Done>(
        [dir, shas](Store &s) -> Result<Done> {
            for (const QString &sha : shas) {
                auto used = s.contentUsed(sha);
                if (!used)
                    return used.error();
                if (used.value())
                    continue;
                QFile::remove(contentPath(dir, sha));
                QFile::remove(thumbPath(dir, sha, 1));
                QFile::remove(thumbPath(dir, sha, 2));
                QFile::remove(avatarPath(dir, sha));
            }
            return Done{};
        },
        [](Result<Done> &&) {});
}

void Attachments::sweep()
{
    const qint64 before = QDateTime::currentMSecsSinceEpoch() - limits::kUnusedUploadMs;
    m_ctx.store.submit<QStringList>([before](Store &s) { return s.sweepAttachments(before); },
                                    [this](Result<QStringList> &&r) {
                                        if (r && !r->isEmpty())
                                            removeUnused(m_ctx.store, m_dir, r.value());
                                    });
}

} // namespace kith::server
