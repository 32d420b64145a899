#pragma once
//! The bytes of attachments, fetched from the host over HTTP when a view needs them: image
//! thumbnails kept in memory up to a byte cap (least recently used go first), a whole file for
//! the image viewer, a file saved to disk with progress, and avatars and guild icons (small,
//! round, decoded only once a view asks, in their own bounded cache).

#include "shared/Types.h"

#include <QCache>
#include <QImage>
#include <QObject>
#include <QSet>
#include <functional>

namespace kith::app {

class HttpClient;

class AttachmentCache : public QObject
{
    Q_OBJECT
public:
    explicit AttachmentCache(HttpClient *http, QObject *parent = nullptr);

    //! The thumbnail if it is here; else a null image, and it is fetched (once) and
    //! thumbnailReady follows. Ask only for what is on screen: that is what makes it lazy.
    QImage thumbnail(const Attachment &a);
    bool hasThumbnail(Id id) const { return m_thumbs.contains(id); }
    //! Memory the thumbnails may take, in bytes (decoded pixels).
    void setCapBytes(qint64 bytes) { m_thumbs.setMaxCost(qMax<qint64>(1, bytes / 1024)); }
    qint64 usedBytes() const { return qint64(m_thumbs.totalCost()) * 1024; }
    //! Thumbnail requests made so far (tests: only visible rows ask).
    int thumbnailFetches() const { return m_fetches; }

    //! The avatar or guild icon at `path` (PROTOCOL 16.3), kAvatarPixels square, if it is
    //! here; else a null image, and it is fetched (once) and avatarReady follows. An empty path:
    //! none (initials are drawn instead).
    QImage avatar(const QString &path);
    //! Avatar requests made so far (tests).
    int avatarFetches() const { return m_avatarFetches; }
    static constexpr int kAvatarPixels = 96; //!< enough for a 48 px avatar on a 2x screen

    //! The whole file into memory; `done(bytes, error)` runs unless `context` is gone.
    void fetch(const Attachment &a, QObject *context,
               std::function<void(const QByteArray &bytes, const QString &error)> done);
    //! Downloads the file to `path` (replacing it only when complete): saveProgress, then saved.
    void save(const Attachment &a, const QString &path);

signals:
    void thumbnailReady(kith::Id id);
    void avatarReady(const QString &path);
    void saveProgress(kith::Id id, qint64 received, qint64 total);
    void saved(kith::Id id, const QString &path, bool ok, const QString &error);

private:
    HttpClient *m_http;
    QCache<Id, QImage> m_thumbs; //!< cost in KiB
    QSet<Id> m_loading;
    QSet<Id> m_failed;           //!< not asked again this session (a 404: no thumbnail)
    int m_fetches = 0;
    QCache<QString, QImage> m_avatars; //!< cost in KiB
    QSet<QString> m_avatarsLoading;
    QSet<QString> m_avatarsFailed;
    int m_avatarFetches = 0;
};

} // namespace kith::app
