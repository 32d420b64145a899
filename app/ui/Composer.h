#pragma once
//! The message input: Enter sends, Shift+Enter breaks the line, Up edits my last message,
//! Escape cancels an edit or a reply. Grows with its text up to a few lines. Holds the files
//! that go with the next message: picked, pasted (an image becomes "image.png") or dropped.

#include "MentionCompleter.h"
#include "net/Outbox.h"
#include "shared/Types.h"

#include <QPlainTextEdit>

namespace kith::app {

class Theme;

class Composer : public QPlainTextEdit
{
    Q_OBJECT
public:
    explicit Composer(QWidget *parent = nullptr);

    void beginEdit(Id messageId, const QString &content);
    void cancelEdit();
    Id editing() const { return m_editing; }
    //! The next send replies to `messageId` (by `authorName`), until sent or cancelled.
    void beginReply(Id messageId, const QString &authorName);
    void cancelReply();
    Id replyingTo() const { return m_replyTo; }
    QString replyingToName() const { return m_replyName; }
    void setMaxLength(int n) { m_maxLength = n; }

    //! Adds files from disk; one over the byte limit (or past the count) is refused at once
    //! (fileRefused), never uploaded.
    void addFiles(const QStringList &paths);
    //! A pasted image, as a PNG named image.png.
    void addImage(const QImage &image);
    QList<OutgoingFile> files() const { return m_files; }
    void removeFile(int index);
    //! The files, handed over for sending; the composer has none after.
    QList<OutgoingFile> takeFiles();
    void setFileLimits(qint64 maxBytes, int maxFiles) { m_maxFileBytes = maxBytes; m_maxFiles = maxFiles; }

    //! Completes @people and #channels as they are typed, from `source`.
    void setMentionSource(const Theme *theme, MentionCompleter::Source source);
    MentionCompleter *mentions() const { return m_mentions; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void sendRequested(const QString &content);
    void editSubmitted(kith::Id messageId, const QString &content);
    void editLastRequested();
    void editingChanged(bool editing);
    //! Instead of sendRequested while replying.
    void replySubmitted(kith::Id replyToId, const QString &content);
    void replyChanged(kith::Id replyToId);
    //! The text is over the host's limit; nothing was sent and the text stays.
    void tooLong(int length, int max);
    void filesChanged();
    //! A file was not added: `reason` says why, in words.
    void fileRefused(const QString &filename, const QString &reason);

protected:
    void keyPressEvent(QKeyEvent *event) override;
    bool focusNextPrevChild(bool next) override;
    bool canInsertFromMimeData(const QMimeData *source) const override;
    void insertFromMimeData(const QMimeData *source) override;
    void resizeEvent(QResizeEvent *event) override;

private:
    void submit();
    void syncHeight();
    int lines() const;

    MentionCompleter *m_mentions = nullptr;
    Id m_editing = 0;
    Id m_replyTo = 0;
    QString m_replyName;
    QString m_draft; //!< what was typed before an edit began, restored after
    int m_maxLength = 4000;
    QList<OutgoingFile> m_files;
    qint64 m_maxFileBytes = 25 * 1024 * 1024;
    int m_maxFiles = 10;
    bool addChecked(const OutgoingFile &file, qint64 size);
};

} // namespace kith::app
