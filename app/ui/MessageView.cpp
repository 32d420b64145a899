#include "MessageView.h"

#include "state/AttachmentCache.h"

#include "Icons.h"
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
#include <QToolTip>
#include <utility>

namespace kith::app {

using M = MessageListModel;

namespace {
constexpr int kBarButton = 30; // one button of the hover bar
constexpr int kBarPad = 3;
constexpr int kHighlightMs = 2000;
} // namespace

MessageView::MessageView(const Theme *theme, QWidget *parent)
    : LaidOutView(parent), m_theme(theme), m_delegate(new MessageDelegate(theme, viewport(), this)),
      m_highlightTimer(new QTimer(this))
{
    m_highlightTimer->setSingleShot(true);
    m_highlightTimer->setInterval(kHighlightMs);
    connect(m_highlightTimer, &QTimer::timeout, this, [this] {
        m_delegate->setHighlighted(0);
        viewport()->update();
    });
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

void MessageView::setAttachmentCache(AttachmentCache *cache)
{
    m_delegate->setAttachmentCache(cache);
    // The row keeps its size (known from the image's width and height): only repaint.
    connect(cache, &AttachmentCache::thumbnailReady, viewport(), qOverload<>(&QWidget::update));
    connect(cache, &AttachmentCache::avatarReady, viewport(), qOverload<>(&QWidget::update));
}

int MessageView::attachmentAt(const QModelIndex &index, const QPoint &pos, bool *image) const
{
    if (!index.isValid())
        return -1;
    for (const AttachmentPainter::Box &b : m_delegate->attachmentBoxes(visualRect(index), index)) {
        if (!b.rect.contains(pos))
            continue;
        if (image)
            *image = b.image;
        // An unsent file (no id yet) has nothing to open or save.
        const QList<Attachment> list = index.data(M::AttachmentsRole).value<QList<Attachment>>();
        return b.index < list.size() && list[b.index].id ? b.index : -1;
    }
    return -1;
}

void MessageView::setMessageModel(MessageListModel *model)
{
    m_model = model;
    setModel(model);
    m_delegate->watch(model);
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_stick = true;
        m_fromBottom = -1;
        m_delegate->setHighlighted(0);
        // The channel's first page came: a jump asked for as it opened goes on from there.
        if (m_jumpTo && m_model->channelId() == m_jumpChannel)
            QTimer::singleShot(0, this, &MessageView::continueJump);
        else
            m_jumpTo = 0; // another channel
    });
    connect(model, &QAbstractItemModel::rowsAboutToBeInserted, this, [this](const QModelIndex &, int first) {
        // Prepending older history: remember where the user is, counted from the bottom,
        // because the bottom does not move when rows are added above.
        if (first == 0 && m_model->rowCount() > 0 && !m_stick) {
            m_fromBottom = verticalScrollBar()->maximum() - verticalScrollBar()->value();
            // They land above what the user sees: their real heights can follow a few turns
            // later. Not when looking for a message to jump to: it needs its real place.
            if (!m_jumpTo)
                m_delegate->estimateNextInsert();
        }
    });
    // A page came (or the start was reached with nothing new): go on looking.
    const auto resume = [this] {
        if (m_jumpTo)
            QTimer::singleShot(0, this, &MessageView::continueJump);
    };
    connect(model, &QAbstractItemModel::rowsInserted, this, resume);
    connect(model, &QAbstractItemModel::dataChanged, this, resume);
    connect(m_delegate, &MessageDelegate::sizesRefined, this, &MessageView::relayoutKeepingPlace);
}

void MessageView::jumpTo(Id id)
{
    m_jumpTo = id;
    m_jumpChannel = m_model ? m_model->channelId() : 0;
    continueJump();
}

void MessageView::continueJump()
{
    if (!m_jumpTo || !m_model)
        return;
    const int row = m_model->rowOf(m_jumpTo);
    if (row < 0) {
        if (m_model->reachedStart())
            m_jumpTo = 0; // not in this channel any more
        else if (m_model->rowCount() == 0)
            return; // the channel is opening: its first page resumes the jump
        else
            m_model->fetchOlder(); // no-op while a page is on its way; its arrival resumes
        return;
    }
    const Id id = std::exchange(m_jumpTo, 0);
    executeDelayedItemsLayout();
    m_fromBottom = -1;
    m_stick = false;
    scrollTo(m_model->index(row), PositionAtCenter);
    m_stick = isAtBottom();
    m_delegate->setHighlighted(id);
    m_highlightTimer->start();
    viewport()->update();
}

Id MessageView::highlighted() const
{
    return m_delegate->highlighted();
}

QString MessageView::reactionTip(const QString &emoji, int count, bool me)
{
    // Who, beyond me, is not in the message object: counts are what the client knows.
    if (me && count == 1)
        return tr("You reacted with %1").arg(emoji);
    if (me && count == 2)
        return tr("You and 1 other reacted with %1").arg(emoji);
    if (me)
        return tr("You and %1 others reacted with %2").arg(count - 1).arg(emoji);
    if (count == 1)
        return tr("1 person reacted with %1").arg(emoji);
    return tr("%1 people reacted with %2").arg(count).arg(emoji);
}

QString MessageView::reactionNamesTip(const QString &emoji, const QStringList &names, int count)
{
    constexpr int kNamed = 3;
    const QStringList shown = names.mid(0, kNamed);
    const int rest = qMax(0, count) - int(shown.size());
    if (shown.isEmpty())
        return {};
    if (rest <= 0 && shown.size() == 1)
        return tr("%1 reacted with %2").arg(shown.first(), emoji);
    if (rest <= 0)
        return tr("%1 and %2 reacted with %3").arg(shown.mid(0, shown.size() - 1).join(QStringLiteral(", ")), shown.last(), emoji);
    if (rest == 1)
        return tr("%1 and 1 other reacted with %2").arg(shown.join(QStringLiteral(", ")), emoji);
    return tr("%1 and %2 others reacted with %3").arg(shown.join(QStringLiteral(", "))).arg(rest).arg(emoji);
}

void MessageView::showReactionUsers(Id id, const QString &emoji, const QStringList &names)
{
    if (id != m_tip.id || emoji != m_tip.emoji || !QToolTip::isVisible())
        return;
    const QString text = reactionNamesTip(emoji, names, m_tip.count);
    if (!text.isEmpty())
        QToolTip::showText(m_tip.globalPos, text, viewport());
}

QRect MessageView::hoverBar() const
{
    if (!m_hover.isValid() || !m_hover.data(M::IdRole).toULongLong()
        || m_hover.data(M::StatusRole).toInt() != int(M::Status::Sent) || m_hover.data(M::HiddenRole).toBool())
        return {};
    const QRect row = m_delegate->messageRect(visualRect(m_hover), m_hover);
    const QSize size(2 * kBarButton + 2 * kBarPad, kBarButton + 2 * kBarPad);
    // Over the row's top edge at the right, as chat apps put it; never above the viewport.
    const int top = qMax(0, row.top() - size.height() / 2);
    return QRect(QPoint(row.right() - 16 - size.width(), top), size);
}

QRect MessageView::reactButton() const
{
    const QRect bar = hoverBar();
    return bar.isEmpty() ? QRect() : QRect(bar.left() + kBarPad, bar.top() + kBarPad, kBarButton, kBarButton);
}

QRect MessageView::replyButton() const
{
    const QRect react = reactButton();
    return react.isEmpty() ? QRect() : react.translated(kBarButton, 0);
}

void MessageView::setHover(const QModelIndex &index)
{
    if (QModelIndex(m_hover) == index)
        return;
    m_hover = index;
    viewport()->update();
}

bool MessageView::hitAt(const QPoint &pos, QString *tip) const
{
    if (reactButton().contains(pos)) {
        if (tip)
            *tip = tr("Add reaction");
        return true;
    }
    if (replyButton().contains(pos)) {
        if (tip)
            *tip = tr("Reply");
        return true;
    }
    const QModelIndex index = indexAt(pos);
    if (!index.isValid())
        return false;
    const QRect rect = visualRect(index);
    for (const MessageDelegate::Chip &c : m_delegate->chips(rect, index)) {
        if (!c.rect.contains(pos))
            continue;
        if (tip)
            *tip = c.emoji.isEmpty() ? tr("Add reaction") : reactionTip(c.emoji, c.count, c.me);
        return true;
    }
    if (m_delegate->quoteRect(rect, index).contains(pos) && !index.data(M::ReplyAuthorRole).toString().isEmpty()) {
        if (tip)
            *tip = tr("Go to the original message");
        return true;
    }
    bool image = false;
    if (attachmentAt(index, pos, &image) >= 0) {
        if (tip)
            *tip = image ? tr("Open the image") : tr("Save the file");
        return true;
    }
    return false;
}

bool MessageView::viewportEvent(QEvent *event)
{
    switch (event->type()) {
    case QEvent::ToolTip: {
        const auto *help = static_cast<QHelpEvent *>(event);
        QString tip;
        m_tip = {};
        if (hitAt(help->pos(), &tip) && !tip.isEmpty())
            QToolTip::showText(help->globalPos(), tip, viewport());
        else
            QToolTip::hideText();
        // Over a chip: the counts show at once, the names when the host has said them.
        const QModelIndex index = indexAt(help->pos());
        const Id id = index.data(M::IdRole).toULongLong();
        if (id && !reactButton().contains(help->pos()) && !replyButton().contains(help->pos())) {
            for (const MessageDelegate::Chip &c : m_delegate->chips(visualRect(index), index)) {
                if (c.rect.contains(help->pos()) && !c.emoji.isEmpty()) {
                    m_tip = {id, c.emoji, c.count, help->globalPos()};
                    emit reactionUsersWanted(id, c.emoji);
                }
            }
        }
        return true;
    }
    case QEvent::Leave:
        setHover({});
        break;
    default:
        break;
    }
    return LaidOutView::viewportEvent(event);
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
    if (const QRect bar = hoverBar(); !bar.isEmpty()) {
        // Drawn over the rows, so it may overlap the row above.
        QPainter p(viewport());
        p.setRenderHint(QPainter::Antialiasing);
        p.setPen(QPen(m_theme->color(QStringLiteral("separator")), 1));
        p.setBrush(m_theme->color(QStringLiteral("chat")));
        p.drawRoundedRect(QRectF(bar).adjusted(0.5, 0.5, -0.5, -0.5), 6, 6);
        const QPoint mouse = viewport()->mapFromGlobal(QCursor::pos());
        const std::pair<QRect, icons::Kind> buttons[] = {{reactButton(), icons::Kind::AddReaction},
                                                         {replyButton(), icons::Kind::Reply}};
        for (const auto &[rect, kind] : buttons) {
            const bool over = rect.contains(mouse);
            if (over) {
                p.setPen(Qt::NoPen);
                p.setBrush(m_theme->color(QStringLiteral("hover")));
                p.drawRoundedRect(QRectF(rect).adjusted(1, 1, -1, -1), 4, 4);
            }
            icons::paint(&p, kind, QRectF(rect).adjusted(5, 5, -5, -5),
                         m_theme->color(over ? QStringLiteral("text") : QStringLiteral("textMuted")));
        }
    }
    if (showsEmptyText()) {
        QPainter p(viewport());
        p.setPen(m_theme->color(QStringLiteral("textMuted")));
        p.drawText(viewport()->rect().adjusted(40, 0, -40, 0), Qt::AlignCenter | Qt::TextWordWrap, m_emptyText);
    }
    emit painted();
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
    const QPoint pos = event->position().toPoint();
    // The bar may reach into the next row: over it, it stays with its own row.
    if (!hoverBar().contains(pos))
        setHover(indexAt(pos));
    else
        viewport()->update(hoverBar());
    viewport()->setCursor(anchorAt(pos).isEmpty() && !hitAt(pos) ? Qt::ArrowCursor : Qt::PointingHandCursor);
    QListView::mouseMoveEvent(event);
}

void MessageView::mouseReleaseEvent(QMouseEvent *event)
{
    const QPoint pos = event->position().toPoint();
    if (event->button() == Qt::LeftButton) {
        if (reactButton().contains(pos)) {
            const QRect b = reactButton();
            emit reactionPickerRequested(m_hover.data(M::IdRole).toULongLong(), viewport()->mapToGlobal(b.bottomLeft()));
            return;
        }
        if (replyButton().contains(pos)) {
            emit replyRequested(m_hover.data(M::IdRole).toULongLong(), m_hover.data(M::AuthorNameRole).toString());
            return;
        }
        const QModelIndex index = indexAt(pos);
        const Id id = index.data(M::IdRole).toULongLong();
        if (index.isValid() && id) {
            const QRect rect = visualRect(index);
            for (const MessageDelegate::Chip &c : m_delegate->chips(rect, index)) {
                if (!c.rect.contains(pos))
                    continue;
                if (c.emoji.isEmpty())
                    emit reactionPickerRequested(id, viewport()->mapToGlobal(c.rect.bottomLeft()));
                else
                    emit reactionToggled(id, c.emoji);
                return;
            }
            if (m_delegate->quoteRect(rect, index).contains(pos)
                && !index.data(M::ReplyAuthorRole).toString().isEmpty()) {
                jumpTo(index.data(M::ReplyToIdRole).toULongLong());
                return;
            }
            bool image = false;
            if (const int i = attachmentAt(index, pos, &image); i >= 0) {
                const Attachment a = index.data(M::AttachmentsRole).value<QList<Attachment>>().at(i);
                if (image)
                    emit imageOpened(a);
                else
                    emit saveRequested(a);
                return;
            }
        }
    }
    const QString anchor = event->button() == Qt::LeftButton ? anchorAt(pos) : QString();
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
    } else if (status == M::Status::Pending && !index.data(M::AttachmentsRole).value<QList<Attachment>>().isEmpty()) {
        // A send with files may wait a while (uploading, or offline): it can be called off.
        menu.addAction(tr("Cancel sending"), this, [this, nonce] { emit discardRequested(nonce); });
        menu.addSeparator();
    }
    if (status == M::Status::Sent && id)
        menu.addAction(tr("Reply"), this, [this, id, name = index.data(M::AuthorNameRole).toString()] {
            emit replyRequested(id, name);
        });
    if (status == M::Status::Sent && id && !hidden)
        menu.addAction(tr("Add reaction"), this, [this, id, at = event->globalPos()] {
            emit reactionPickerRequested(id, at);
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
