#include "MessageView.h"

#include "MessageDelegate.h"
#include "Theme.h"
#include "state/MessageListModel.h"

#include <QEvent>
#include <QApplication>
#include <QClipboard>
#include <QContextMenuEvent>
#include <QElapsedTimer>
#include <QMenu>
#include <QPainter>
#include <QScrollBar>
#include <QTimer>

namespace kith::app {

using M = MessageListModel;

MessageView::MessageView(const Theme *theme, QWidget *parent)
    : QListView(parent), m_theme(theme), m_delegate(new MessageDelegate(theme, viewport(), this))
{
    setObjectName(QStringLiteral("MessageView"));
    setAccessibleName(tr("Messages"));
    setItemDelegate(m_delegate);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setSelectionMode(NoSelection);
    setResizeMode(Adjust);
    setUniformItemSizes(false);
    setMouseTracking(true);
    setFocusPolicy(Qt::TabFocus); // Tab, then Page Up/Down to read back
    setFrameShape(QFrame::NoFrame);
    verticalScrollBar()->setSingleStep(24);
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, &MessageView::onScroll);
}

void MessageView::setMessageModel(MessageListModel *model)
{
    m_model = model;
    setModel(model);
    m_delegate->watch(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_stick = true;
        m_fromBottom = -1;
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first) {
        // Prepending older history: remember where the user is, counted from the bottom,
        // because the bottom does not move when rows are added above.
        if (first == 0 && m_model->rowCount() > 0 && !m_stick) {
            m_fromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
            // They land above what the user sees: their real heights can follow a few turns later.
            m_delegate->estimateNextInsert();
        }
    });
    connect(m_delegate, &MessageDelegate::sizesRefined, this, &MessageView::relayoutKeepingPlace);
}

void MessageView::relayoutKeepingPlace()
{
    // Only rows above the viewport changed height: keep the place counted from the bottom.
    if (!m_stick && m_fromBottom < 0)
        m_fromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
    doItemsLayout();
}

void MessageView::changeEvent(QEvent *event)
{
    QListView::changeEvent(event);
    if (event->type() != QEvent::LanguageChange)
        return;
    setAccessibleName(tr("Messages"));
    // Laid-out rows hold translated words ("(edited)", day lines); times follow the new locale.
    m_delegate->invalidate();
    if (m_model)
        relayoutKeepingPlace();
    viewport()->update();
}

bool MessageView::isAtBottom() const
{
    const QScrollBar *sb = verticalScrollBar();
    return sb->value() >= sb->maximum() - 2;
}

void MessageView::scrollToBottomNow()
{
    m_stick = true;
    m_fromBottom = -1;
    verticalScrollBar()->setValue(verticalScrollBar()->maximum());
}

void MessageView::setEmptyText(const QString &text)
{
    m_emptyText = text;
    viewport()->update();
}

bool MessageView::showsEmptyText() const
{
    return m_model && m_model->rowCount() == 0 && m_model->reachedStart() && !m_emptyText.isEmpty()
           && viewport()->height() > 2 * fontMetrics().height();
}

void MessageView::paintEvent(QPaintEvent *event)
{
    QListView::paintEvent(event);
    if (!showsEmptyText())
        return;
    QPainter p(viewport());
    p.setPen(m_theme->color(QStringLiteral("textMuted")));
    p.drawText(viewport()->rect().adjusted(40, 0, -40, 0), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
}

void MessageView::doItemsLayout()
{
    QElapsedTimer timer;
    timer.start();
    QListView::doItemsLayout();
    m_layoutNs += timer.nsecsElapsed();
}

void MessageView::updateGeometries()
{
    m_adjusting = true;
    QListView::updateGeometries();
    // A short conversation sits at the bottom, next to the composer, like a long one does; an
    // empty one keeps the whole viewport, where its empty text is drawn.
    constexpr int kBottomGap = 10;
    const bool empty = !m_model || m_model->rowCount() == 0;
    const int free = empty ? 0 : qMax(0, height() - 2 * frameWidth() - kBottomGap - contentsSize().height());
    if (free != viewportMargins().top())
        setViewportMargins(0, free, 0, kBottomGap);
    QScrollBar *sb = verticalScrollBar();
    sb->setPageStep(viewport()->height());
    if (m_fromBottom >= 0) {
        sb->setValue(sb->maximum() - m_fromBottom);
        m_fromBottom = -1;
    } else if (m_stick) {
        sb->setValue(sb->maximum());
    }
    m_adjusting = false;
    // A short first page leaves no scroll bar to pull on: fetch until the view is full.
    if (m_model && sb->maximum() == 0 && m_model->canFetchOlder() && m_model->rowCount() > 0)
        QTimer::singleShot(0, this, &MessageView::maybeFetchOlder);
}

void MessageView::resizeEvent(QResizeEvent *event)
{
    const bool stick = m_stick;
    QListView::resizeEvent(event);
    m_stick = stick;
}

void MessageView::onScroll(int value)
{
    if (m_adjusting)
        return;
    m_stick = isAtBottom();
    if (value < viewport()->height())
        maybeFetchOlder();
}

void MessageView::maybeFetchOlder()
{
    if (m_model && m_model->canFetchOlder())
        m_model->fetchOlder();
}

QString MessageView::anchorAt(const QPoint &pos) const
{
    const QModelIndex index = indexAt(pos);
    return index.isValid() ? m_delegate->anchorAt(visualRect(index), index, pos) : QString();
}

void MessageView::mouseMoveEvent(QMouseEvent *event)
{
    viewport()->setCursor(anchorAt(event->position().toPoint()).isEmpty() ? Qt::ArrowCursor
                                                                         : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    const QString anchor = event->button() == Qt::LeftButton ? anchorAt(event->position().toPoint()) : QString();
    if (anchor == M::kRevealLink && m_model)
        m_model->setRevealed(indexAt(event->position().toPoint()).data(M::IdRole).toULongLong(), true);
    else if (!anchor.isEmpty())
        emit linkActivated(QUrl(anchor));
    QListView::mouseReleaseEvent(event);
}

void MessageView::contextMenuEvent(QContextMenuEvent *event)
{
    const QModelIndex index = indexAt(event->pos());
    if (!index.isValid())
        return;
    const auto status = M::Status(index.data(M::StatusRole).toInt());
    const Id id = index.data(M::IdRole).toULongLong();
    const QString content = index.data(Qt::DisplayRole).toString();
    const QString nonce = index.data(M::NonceRole).toString();
    const bool mine = index.data(M::MineRole).toBool();
    const bool hidden = index.data(M::HiddenRole).toBool();
    QMenu menu(this);
    if (hidden || (id && m_model && m_model->messageAt(index.row()).authorBlocked)) {
        menu.addAction(hidden ? tr("Show message") : tr("Hide message"), this,
                       [this, id, hidden] { m_model->setRevealed(id, hidden); });
        menu.addSeparator();
    }
    if (status == M::Status::Failed) {
        menu.addAction(tr("Retry"), this, [this, nonce] { emit retryRequested(nonce); });
        menu.addAction(tr("Discard"), this, [this, nonce] { emit discardRequested(nonce); });
        menu.addSeparator();
    }
    if (status == M::Status::Sent && id)
        menu.addAction(tr("Reply"), this, [this, id, name = index.data(M::AuthorNameRole).toString()] {
            emit replyRequested(id, name);
        });
    if (status == M::Status::Sent && mine)
        menu.addAction(tr("Edit"), this, [this, id, content] { emit editRequested(id, content); });
    if (status == M::Status::Sent && (mine || m_canModerate))
        menu.addAction(tr("Delete"), this, [this, id] { emit deleteRequested(id); });
    menu.addSeparator();
    if (!hidden)
        menu.addAction(tr("Copy text"), this, [content] { QApplication::clipboard()->setText(content); });
    if (id)
        menu.addAction(tr("Copy message ID"), this,
                       [id] { QApplication::clipboard()->setText(QString::number(id)); });
    menu.exec(event->globalPos());
}

} // namespace kith::app
