#include "Composer.h"

#include <QAbstractTextDocumentLayout>
#include <QBuffer>
#include <QFileInfo>
#include <QImage>
#include <QLocale>
#include <QMimeData>
#include <QKeyEvent>
#include <QTextBlock>

namespace kith::app {

Composer::Composer(QWidget *parent) : QPlainTextEdit(parent)
{
    setObjectName(QStringLiteral("Composer"));
    setTabChangesFocus(true);
    setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    document()->setDocumentMargin(2);
    setViewportMargins(8, 6, 8, 6); // the padding of the app's text fields (KithStyle draws this one)
    connect(this, &QPlainTextEdit::textChanged, this, &Composer::syncHeight);
}

void Composer::syncHeight()
{
    // The box grows up to 8 lines; a scroll bar only past that (a stray one flashes in while a
    // resize re-wraps the text otherwise).
    setVerticalScrollBarPolicy(lines() >= 8 ? Qt::ScrollBarAsNeeded : Qt::ScrollBarAlwaysOff);
    updateGeometry();
}

void Composer::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    syncHeight();
}

int Composer::lines() const
{
    int n = 0;
    for (QTextBlock b = document()->begin(); b.isValid(); b = b.next())
        n += qMax(1, b.layout() ? b.layout()->lineCount() : 1);
    return qBound(1, n, 8);
}

QSize Composer::sizeHint() const
{
    const int h = fontMetrics().lineSpacing() * lines() + 2 * int(document()->documentMargin())
        + contentsMargins().top() + contentsMargins().bottom() + viewportMargins().top() + viewportMargins().bottom() + 6;
    return {200, h};
}

QSize Composer::minimumSizeHint() const
{
    return sizeHint();
}

void Composer::beginEdit(Id messageId, const QString &content)
{
    if (!m_editing)
        m_draft = toPlainText();
    m_editing = messageId;
    setPlainText(content);
    moveCursor(QTextCursor::End);
    setFocus();
    emit editingChanged(true);
}

void Composer::cancelEdit()
{
    if (!m_editing)
        return;
    m_editing = 0;
    setPlainText(m_draft);
    moveCursor(QTextCursor::End);
    m_draft.clear();
    emit editingChanged(false);
}

void Composer::beginReply(Id messageId, const QString &authorName)
{
    cancelEdit();
    m_replyTo = messageId;
    m_replyName = authorName;
    setFocus();
    emit replyChanged(messageId);
}

void Composer::cancelReply()
{
    if (!m_replyTo)
        return;
    m_replyTo = 0;
    m_replyName.clear();
    emit replyChanged(0);
}

void Composer::submit()
{
    const QString text = toPlainText().trimmed();
    if (m_editing) {
        const Id id = m_editing;
        if (!text.isEmpty())
            emit editSubmitted(id, text);
        cancelEdit();
        return;
    }
    if (text.isEmpty() && m_files.isEmpty())
        return;
    if (text.size() > m_maxLength) {
        emit tooLong(int(text.size()), m_maxLength);
        return;
    }
    clear();
    if (const Id replyTo = m_replyTo) {
        cancelReply();
        emit replySubmitted(replyTo, text);
        return;
    }
    emit sendRequested(text);
}

bool Composer::addChecked(const OutgoingFile &file, qint64 size)
{
    if (m_files.size() >= m_maxFiles) {
        emit fileRefused(file.filename, tr("a message takes at most %n files", nullptr, m_maxFiles));
        return false;
    }
    if (size > m_maxFileBytes) {
        emit fileRefused(file.filename, tr("it is %1; this server takes files up to %2")
                                            .arg(QLocale().formattedDataSize(size), QLocale().formattedDataSize(m_maxFileBytes)));
        return false;
    }
    if (size == 0) {
        emit fileRefused(file.filename, tr("it is empty"));
        return false;
    }
    m_files.append(file);
    return true;
}

void Composer::addFiles(const QStringList &paths)
{
    bool added = false;
    for (const QString &path : paths) {
        const QFileInfo info(path);
        if (!info.isFile()) {
            emit fileRefused(info.fileName(), tr("it is not a file"));
            continue;
        }
        added |= addChecked(OutgoingFile{info.fileName(), info.absoluteFilePath(), {}, {}}, info.size());
    }
    if (added)
        emit filesChanged();
}

void Composer::addImage(const QImage &image)
{
    if (image.isNull())
        return;
    QByteArray png;
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    image.save(&buffer, "PNG");
    if (addChecked(OutgoingFile{QStringLiteral("image.png"), {}, png, QStringLiteral("image/png")}, png.size()))
        emit filesChanged();
}

void Composer::removeFile(int index)
{
    if (index < 0 || index >= m_files.size())
        return;
    m_files.removeAt(index);
    emit filesChanged();
}

QList<OutgoingFile> Composer::takeFiles()
{
    const QList<OutgoingFile> out = std::exchange(m_files, {});
    if (!out.isEmpty())
        emit filesChanged();
    return out;
}

bool Composer::canInsertFromMimeData(const QMimeData *source) const
{
    return source->hasImage() || source->hasUrls() || QPlainTextEdit::canInsertFromMimeData(source);
}

void Composer::insertFromMimeData(const QMimeData *source)
{
    // Ctrl+V of a picture, or of files copied in a file manager, attaches them.
    QStringList paths;
    for (const QUrl &url : source->urls())
        if (url.isLocalFile())
            paths.append(url.toLocalFile());
    if (!paths.isEmpty()) {
        addFiles(paths);
        return;
    }
    if (source->hasImage()) {
        addImage(qvariant_cast<QImage>(source->imageData()));
        return;
    }
    QPlainTextEdit::insertFromMimeData(source);
}

void Composer::setMentionSource(const Theme *theme, MentionCompleter::Source source)
{
    delete m_mentions;
    m_mentions = new MentionCompleter(this, theme, std::move(source));
}

bool Composer::focusNextPrevChild(bool next)
{
    if (m_mentions && m_mentions->isOpen())
        return false; // Tab takes the list's choice rather than moving on
    return QPlainTextEdit::focusNextPrevChild(next);
}

void Composer::keyPressEvent(QKeyEvent *event)
{
    if (m_mentions && m_mentions->isOpen()) {
        switch (event->key()) {
        case Qt::Key_Return:
        case Qt::Key_Enter:
        case Qt::Key_Tab:
        case Qt::Key_Backtab:
        case Qt::Key_Escape:
            event->ignore(); // the list takes them: insert the choice, or close
            return;
        default:
            break;
        }
    }
    const bool enter = event->key() == Qt::Key_Return || event->key() == Qt::Key_Enter;
    if (enter && !(event->modifiers() & Qt::ShiftModifier)) {
        submit();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_editing) {
        cancelEdit();
        return;
    }
    if (event->key() == Qt::Key_Escape && m_replyTo) {
        cancelReply();
        return;
    }
    if (event->key() == Qt::Key_Up && event->modifiers() == Qt::NoModifier && !m_editing
        && toPlainText().isEmpty()) {
        emit editLastRequested();
        return;
    }
    QPlainTextEdit::keyPressEvent(event);
}

} // namespace kith::app
