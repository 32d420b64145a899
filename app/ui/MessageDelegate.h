#pragma once
//! Paints and measures one message row: optional day separator, optional author header
//! (avatar, name, time), and the Markdown body. Size hints are cached per message state and
//! width; laid-out documents are kept in a small LRU so painting a visible page is cheap.

#include <QCache>
#include <QHash>
#include <QStyledItemDelegate>
#include <QTextDocument>

namespace kith::app {

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
    //! Forget cached layouts (theme or font changed).
    void invalidate();

    //! Paint time of the last frame's rows, for the measurements.
    qint64 paintedNs() const { return m_paintNs; }
    void resetPaintedNs() { m_paintNs = 0; }
    //! Documents laid out so far (cache misses), for the measurements.
    qint64 documentsMade() const { return m_docsMade; }

private:
    struct Layout {
        int separator = 0; //!< height of the day separator above, 0 when none
        int header = 0;    //!< height of the author line, 0 when grouped
        int top = 0;       //!< padding above the body
        QPoint body;       //!< top-left of the body, relative to the row
    };
    Layout layout(const QModelIndex &index) const;
    QTextDocument *document(const QModelIndex &index, int width) const;
    int bodyWidth() const;
    QString dayText(const QDate &date) const;

    const Theme *m_theme;
    QWidget *m_viewport;
    mutable QCache<quint64, QTextDocument> m_docs;
    mutable QHash<quint64, QSize> m_sizes;
    mutable int m_sizesWidth = -1;
    mutable qint64 m_paintNs = 0;
    mutable qint64 m_docsMade = 0;
};

} // namespace kith::app
