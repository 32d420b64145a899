#include "ElidedLabel.h"

#include <QEvent>

namespace kith::app {

ElidedLabel::ElidedLabel(QWidget *parent) : QLabel(parent)
{
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
}

void ElidedLabel::setFullText(const QString &text)
{
    if (text == m_full)
        return;
    m_full = text;
    updateGeometry();
    elide();
}

QSize ElidedLabel::minimumSizeHint() const
{
    // Room for a few characters and the ellipsis: enough to say something is there.
    const QSize whole = sizeHint();
    return {qMin(whole.width(), fontMetrics().horizontalAdvance(m_full.left(3) + QChar(0x2026))), whole.height()};
}

QSize ElidedLabel::sizeHint() const
{
    const QMargins m = contentsMargins();
    return {fontMetrics().horizontalAdvance(m_full) + m.left() + m.right() + 2 * margin(),
            fontMetrics().height() + m.top() + m.bottom() + 2 * margin()};
}

void ElidedLabel::resizeEvent(QResizeEvent *event)
{
    QLabel::resizeEvent(event);
    elide();
}

void ElidedLabel::changeEvent(QEvent *event)
{
    QLabel::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange) {
        updateGeometry();
        elide();
    }
}

void ElidedLabel::elide()
{
    // The same measure as sizeHint(): given that width, the whole text shows (elidedText's own
    // measure can differ by a pixel).
    const int room = contentsRect().width() - 2 * margin();
    const QString shown = fontMetrics().horizontalAdvance(m_full) <= room
        ? m_full
        : fontMetrics().elidedText(m_full, Qt::ElideRight, room);
    setText(shown);
    setToolTip(shown == m_full ? QString() : m_full);
}

} // namespace kith::app
