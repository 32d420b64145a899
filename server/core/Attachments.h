#pragma once
//! Uploaded files: who may upload and read them, where their bytes live (once per SHA-256 in
//! the attachments folder), image sizes and thumbnails (made on the CPU pool, never on the
//! gateway thread), and the hourly sweep of uploads no message took. The HTTP side is
//! net/HttpServer; message.send claims uploads through the Store.

#include "core/ServiceContext.h"
#include "shared/Result.h"
#include "shared/Types.h"

#include <QObject>
#include <QStringList>
#include <QTimer>
#include <functional>

namespace kith::server {

class Store;
class WriteQueue;

class Attachments : public QObject
{
    Q_OBJECT
public:
    Attachments(ServiceContext &ctx, QString dir, QObject *parent = nullptr);

    //! Makes the folder (and its tmp/ for uploads arriving) and starts the sweep.
    bool prepare(QString *error);
    //! Where uploads are written while they arrive (same file system as the contents: a rename places them).
    QString tempDir() const;

    //! The user a bearer token belongs to; unauthorized otherwise.
    void authenticate(const QString &token, std::function<void(Result<Id> &&)> done);

    struct Upload {
        Id userId = 0;
        QString filename;
        QString contentType;  //!< as the client said; images are named by their content instead
        qint64 size = 0;
        QString sha256;       //!< hex
        QString tempPath;     //!< the received bytes; moved or removed by store()
    };
    //! Probes and thumbnails on the CPU pool, then places the content and stores the row.
    void store(Upload upload, std::function<void(Result<Attachment> &&)> done);

    struct File {
        QString path;
        QString contentType;
        qint64 size = 0;
        bool image = false;
        QString filename;
    };
    //! The bytes of an attachment (or its thumbnail) for `userId`: not_found unless they may see
    //! it (the uploader before use, then whoever can read the message's channel) and the name matches.
    void open(Id userId, Id attachmentId, const QString &filename, bool thumb, std::function<void(Result<File> &&)> done);

    //! Makes upload `attachmentId` an avatar or icon: checks it is an unclaimed image of `userId`
    //! (bad_request otherwise, as message.send refuses attachment_ids), makes its 256x256 PNG on the
    //! CPU pool unless the content has one, then runs `apply` on the store thread (which checks
    //! again, records the choice and gives back the contents it freed) and removes what it freed.
    //! With `attachmentId` 0 only `apply` runs (an avatar removed).
    void setProfileImage(Id userId, Id attachmentId, std::function<Result<QStringList>(Store &)> apply,
                         std::function<void(Result<Done> &&)> done);
    //! The PNG of the avatar or icon made from upload `attachmentId`; not_found unless one uses it.
    void openProfileImage(Id attachmentId, std::function<void(Result<File> &&)> done);

    //! Deletes the files of contents no row refers to any more (checked again on the store thread,
    //! which also places new uploads, so a content uploaded again meanwhile stays).
    static void removeUnused(WriteQueue &store, const QString &dir, const QStringList &shas);
    static QString contentPath(const QString &dir, const QString &sha256);
    //! thumb: 1 PNG, 2 JPEG (the row's thumb column).
    static QString thumbPath(const QString &dir, const QString &sha256, int thumb);
    //! The 256x256 PNG an avatar or icon made from this content shows.
    static QString avatarPath(const QString &dir, const QString &sha256);

    //! Deletes uploads older than an hour that no message took.
    void sweep();

private:
    ServiceContext &m_ctx;
    QString m_dir;
    QTimer m_sweep;
};

} // namespace kith::server
