#pragma once
//! Paints and measures one message row: optional day separator, optional author header
//! (avatar, name, time), and the Markdown body. Size hints are cached per message state and
//! width; laid-out documents are kept in a small LRU so painting a visible page is cheap.

#include "AttachmentPainter.h"

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>
#include <QTextDocument>
#include <functional>

class QTimer;

namespace kith::app {

class AttachmentCache;
class Theme;

class MessageDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    MessageDelegate(const Theme *theme, QWidget *viewport, QObject *parent = nullptr);

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;

    //! The link under `pos` (viewport coordinates) in the row at `rect`, or empty.
    QString anchorAt(const QRect &rect, const QModelIndex &index, const QPoint &pos) const;
    //! `base` scaled, preferring the platform's colour emoji font (Qt 6.4 takes the first
    //! font with a glyph, often a monochrome one, even for emoji presentation).
    static QFont emojiFont(const QFont &base, qreal scale);
    //! A message's time as rows show it, in the current language's locale.
    static QString timeText(const QTime &time);
    //! Forget cached layouts (theme or font changed).
    void invalidate();
    //! What mentions name in the open channel, for their chips: the shown name of "@username"
    //! (empty: nobody here) and the id of "#channel" (0: none).
    struct MentionNames {
        std::function<QString(const QString &username)> person;
        std::function<quint64(const QString &channel)> channel;
    };
    void setMentionNames(MentionNames names);
    //! The colour of an author's name (their highest coloured role); an invalid colour: the text's.
    void setNameColor(std::function<QColor(quint64 userId)> color) { m_nameColor = std::move(color); }
    //! The names behind them changed: lays the messages out again.
    void mentionNamesChanged();
    //! Where a channel chip leads: kith:channel/ID.
    static constexpr QLatin1StringView kChannelLink{"kith:channel/"};
    //! Follows the model's row changes to keep sizes by row (see m_rowSizes).
    void watch(const QAbstractItemModel *model);
    //! The rows about to be prepended land above the viewport: size them by an estimate now
    //! and lay their documents out over the next event-loop turns (then sizesRefined()).
    void estimateNextInsert() { m_estimateNext = true; }

    //! One reaction chip under a message, or the "add reaction" chip (empty emoji), in the
    //! coordinates of the row's `rect`.
    struct Chip {
        QString emoji;
        int count = 0;
        bool me = false;
        QRect rect;
    };
    QList<Chip> chips(const QRect &rect, const QModelIndex &index) const;
    //! The reply's quoted line above the author, where a click jumps to the original; empty
    //! when the row is no reply.
    QRect quoteRect(const QRect &rect, const QModelIndex &index) const;
    //! Where thumbnails come from; null: images show as placeholders.
    void setAttachmentCache(AttachmentCache *cache) { m_attachments = cache; }
    //! The row's attachments as drawn, in the coordinates of the row's `rect`.
    QList<AttachmentPainter::Box> attachmentBoxes(const QRect &rect, const QModelIndex &index) const;
    //! The part of the row that is the message (below a day line), as hovering tints it.
    QRect messageRect(const QRect &rect, const QModelIndex &index) const;
    //! A message drawn with a passing highlight (jumped to); 0 for none.
    void setHighlighted(quint64 id) { m_highlighted = id; }
    quint64 highlighted() const { return m_highlighted; }

    //! Paint time of the last frame's rows, for the measurements.
    qint64 paintedNs() const { return m_paintNs; }
    void resetPaintedNs() { m_paintNs = 0; }
    //! Documents laid out so far (cache misses), for the measurements.
    qint64 documentsMade() const { return m_docsMade; }
    //! Time spent giving estimated rows their real size, and the longest turn of it.
    qint64 refineNs() const { return m_refineNs; }
    qint64 refineMaxNs() const { return m_refineMaxNs; }

signals:
    //! The estimated rows now have their real sizes: the view should lay out again.
    void sizesRefined();

private:
    struct Layout {
        int separator = 0; //!< height of the day separator or "new" line above, 0 when none
        bool newLine = false; //!< the first unread message: a "new" line above it
        int header = 0;    //!< height of the author line, 0 when grouped
        int top = 0;       //!< padding above the body
        QPoint body;       //!< top-left of the body, relative to the row
        int indent = 0;    //!< compact: room left on the body's first line for the name
        int quote = 0;     //!< height of a reply's quoted line above the author, 0 when none
    };
    //! What a reply's quoted line shows, measured for `width`.
    struct Quote {
        QString name;    //!< empty when the original was deleted
        QString text;    //!< its first line, elided; or "Original message was deleted"
        int nameWidth = 0;
        int width = 0;   //!< of everything drawn right of the connector
    };
    Quote quote(const QModelIndex &index, int width) const;
    //! The chips relative to the body's top-left, under a body `bodyHeight` high.
    QList<Chip> layoutChips(const QModelIndex &index, int width, int bodyHeight) const;
    int chipsHeight(const QList<Chip> &chips, int bodyHeight) const;
    void paintQuote(QPainter *p, const QRect &r, const Layout &l, const QModelIndex &index) const;
    void paintChips(QPainter *p, const QList<Chip> &chips) const;
    Layout layout(const QModelIndex &index) const;
    //! The text's height, then the attachments' below it: the body's height, chips excluded.
    int textHeight(const QModelIndex &index, const QTextDocument *doc) const;
    QList<AttachmentPainter::Box> layoutAttachments(const QModelIndex &index, int width, int textH) const;
    void markMentions(QTextDocument *doc) const;
    QTextDocument *document(const QModelIndex &index, int width, int indent) const;
    //! Compact rows: the width of the time column left of the text.
    int timeColumn() const;
    int bodyWidth() const;
    QString dayText(const QDate &date) const;

    const Theme *m_theme;
    QWidget *m_viewport;
    AttachmentCache *m_attachments = nullptr;
    MentionNames m_mentionNames;
    std::function<QColor(quint64)> m_nameColor;
    QColor authorColor(const QModelIndex &index) const;
    mutable QCache<quint64, QTextDocument> m_docs;
    void resetRows() const;
    QSize measure(const QModelIndex &index, int width) const;
    QSize estimate(const QModelIndex &index, int width) const;
    void refine();

    mutable QHash<quint64, QSize> m_sizes;
    //! Sizes by row, invalid where not measured. The view measures every row again on each
    //! layout (one per older page), so with 100,000 rows the lookup must cost next to nothing:
    //! no model data, no hash. The model's signals keep it in step; m_sizes backs it up.
    mutable QList<QSize> m_rowSizes;
    const QAbstractItemModel *m_model = nullptr;
    mutable bool m_rowsChanging = false; //!< between a model's "about to" signal and its "done" one
    mutable int m_estimated = 0;  //!< rows at the top whose m_rowSizes entry is an estimate
    bool m_estimateNext = false;
    mutable int m_hurryTo = -1; //!< lowest estimated row on screen, -1 when none
    QTimer *m_refiner;
    mutable int m_sizesWidth = -1;
    mutable int m_timeColumn = -1; //!< timeColumn(), measured once per theme and language
    quint64 m_highlighted = 0;
    mutable qint64 m_paintNs = 0;
    mutable qint64 m_docsMade = 0;
    qint64 m_refineNs = 0;
    qint64 m_refineMaxNs = 0;
};

} // namespace kith::app
