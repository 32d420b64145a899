#include "EmojiPicker.h"

#include "MessageDelegate.h"
#include "Theme.h"

#include <QEvent>
#include <QFile>
#include <QGuiApplication>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QScreen>
#include <QSettings>
#include <QStyle>
#include <QVBoxLayout>
#include <algorithm>

namespace kith::app {

namespace {
const QString kRecentKey = QStringLiteral("emoji/recent");
constexpr int kCell = 40;
constexpr int kNameRole = Qt::UserRole + 1;
} // namespace

EmojiPicker::EmojiPicker(QSettings *settings, const Theme *theme, QWidget *parent)
    : QFrame(parent, Qt::Popup), m_settings(settings), m_search(new QLineEdit(this)), m_caption(new QLabel(this)),
      m_grid(new QListWidget(this)), m_footer(new QLabel(this))
{
    setObjectName(QStringLiteral("EmojiPicker"));
    setAttribute(Qt::WA_StyledBackground);
    theme->dress(this); // measured under the sheet from the start; its own rules follow below
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(8, 8, 8, 8);
    layout->setSpacing(6);
    m_search->setObjectName(QStringLiteral("EmojiSearch"));
    m_search->setClearButtonEnabled(true);
    m_search->installEventFilter(this);
    layout->addWidget(m_search);
    m_caption->setObjectName(QStringLiteral("EmojiCaption"));
    layout->addWidget(m_caption);
    m_grid->setObjectName(QStringLiteral("EmojiGrid"));
    m_grid->setViewMode(QListView::IconMode);
    m_grid->setMovement(QListView::Static);
    m_grid->setResizeMode(QListView::Adjust);
    m_grid->setUniformItemSizes(true);
    m_grid->setGridSize({kCell, kCell});
    m_grid->setSpacing(0);
    m_grid->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_grid->setFocusPolicy(Qt::NoFocus); // the search keeps the focus; arrows reach the grid through it
    m_grid->setFont(MessageDelegate::emojiFont(m_grid->font(), 1.6));
    const int frame = 2 * m_grid->frameWidth() + m_grid->style()->pixelMetric(QStyle::PM_ScrollBarExtent) + 4;
    m_grid->setFixedSize(kColumns * kCell + frame, 6 * kCell + 4);
    layout->addWidget(m_grid);
    m_footer->setObjectName(QStringLiteral("EmojiFooter"));
    m_footer->setTextFormat(Qt::RichText);
    layout->addWidget(m_footer);

    connect(m_search, &QLineEdit::textChanged, this, &EmojiPicker::refill);
    connect(m_grid, &QListWidget::itemClicked, this, [this](QListWidgetItem *item) { pick(item->text()); });
    connect(m_grid, &QListWidget::currentItemChanged, this, &EmojiPicker::syncFooter);
    followTheme(theme, this, [this, theme] {
        // A window of its own: the app's sheet (Theme::dress gave it) and its own rules after it.
        setStyleSheet(theme->styleSheet() + QStringLiteral("#EmojiPicker { background: %1; border: 1px solid %2; border-radius: 8px; }"
                                     "#EmojiCaption, #EmojiFooter { color: %3; font-size: 9pt; font-weight: 600; }"
                                     "#EmojiGrid { background: transparent; border: none; }"
                                     "#EmojiGrid::item { border-radius: 6px; }"
                                     "#EmojiGrid::item:selected, #EmojiGrid::item:hover { background: %4; }")
                          .arg(theme->color(QStringLiteral("sidebar")).name(), theme->color(QStringLiteral("separator")).name(),
                               theme->color(QStringLiteral("textMuted")).name(), theme->color(QStringLiteral("selected")).name()));
    });
    if (m_settings)
        m_recent = m_settings->value(kRecentKey).toStringList().mid(0, kRecentMax);
    load();
    retranslate();
}

void EmojiPicker::load()
{
    // A table, not code: one line per emoji, tab-separated (see the file's header).
    QFile file(QStringLiteral(":/emoji/emoji.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    m_entries.reserve(lines.size());
    for (const QString &line : lines) {
        if (line.startsWith(QLatin1Char('#')))
            continue;
        const QStringList f = line.split(QLatin1Char('\t'));
        if (f.size() < 2)
            continue;
        m_entries.append({f.at(0), f.at(1), (f.at(1) + QLatin1Char(' ') + f.value(2)).toLower()});
    }
}

bool EmojiPicker::matches(const QString &query, const QString &words)
{
    const QStringList have = words.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (const QString &q : query.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (std::none_of(have.begin(), have.end(), [&](const QString &w) { return w.startsWith(q); }))
            return false;
    }
    return true;
}

void EmojiPicker::refill()
{
    const QString query = m_search->text().trimmed();
    m_grid->clear();
    QStringList order;
    QHash<QString, const Entry *> byEmoji;
    for (const Entry &e : std::as_const(m_entries))
        byEmoji.insert(e.emoji, &e);
    // The recent ones first (when they match), then the table's order.
    for (const QString &r : std::as_const(m_recent))
        if (query.isEmpty() || matches(query, byEmoji.contains(r) ? byEmoji.value(r)->words : r))
            order.append(r);
    // Then those whose name has every searched word whole ("heart": red heart before
    // heart-shaped eyes), then the other matches, each in the table's order.
    const QStringList wanted = query.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
    const auto whole = [&](const Entry &e) {
        const QStringList words = e.name.toLower().split(QLatin1Char(' '), Qt::SkipEmptyParts);
        return std::all_of(wanted.begin(), wanted.end(), [&](const QString &w) { return words.contains(w); });
    };
    for (const bool first : {true, false})
        for (const Entry &e : std::as_const(m_entries))
            if ((query.isEmpty() || (matches(query, e.words) && whole(e) == first)) && !order.contains(e.emoji))
                order.append(e.emoji);
    for (const QString &emoji : std::as_const(order)) {
        auto *item = new QListWidgetItem(emoji, m_grid);
        const QString name = byEmoji.contains(emoji) ? byEmoji.value(emoji)->name : emoji;
        item->setData(kNameRole, name);
        item->setData(Qt::AccessibleTextRole, name);
        item->setToolTip(name);
        item->setTextAlignment(Qt::AlignCenter);
        item->setSizeHint({kCell, kCell});
    }
    if (m_grid->count())
        m_grid->setCurrentRow(0);
    m_caption->setText(!query.isEmpty()    ? tr("Results")
                       : m_recent.isEmpty() ? tr("All emoji")
                                            : tr("Recently used, then all emoji"));
    syncFooter();
}

QStringList EmojiPicker::shown() const
{
    QStringList out;
    for (int i = 0; i < m_grid->count(); ++i)
        out.append(m_grid->item(i)->text());
    return out;
}

void EmojiPicker::syncFooter()
{
    const QListWidgetItem *item = m_grid->currentItem();
    // The emoji big, beside its name, as a preview of what Enter picks.
    m_footer->setText(item ? QStringLiteral("<span style=\"font-size: 15pt; font-family: 'Noto Color Emoji', 'Apple Color Emoji', "
                                            "'Segoe UI Emoji';\">%1</span>&nbsp;&nbsp;%2")
                                 .arg(item->text().toHtmlEscaped(), item->data(kNameRole).toString().toHtmlEscaped())
                           : tr("No emoji match").toHtmlEscaped());
}

void EmojiPicker::pick(const QString &emoji)
{
    if (emoji.isEmpty())
        return;
    m_recent.removeAll(emoji);
    m_recent.prepend(emoji);
    m_recent = m_recent.mid(0, kRecentMax);
    if (m_settings)
        m_settings->setValue(kRecentKey, m_recent);
    hide();
    emit picked(emoji);
}

void EmojiPicker::popup(const QPoint &globalPos)
{
    m_search->clear();
    refill();
    adjustSize();
    QPoint at(globalPos.x(), globalPos.y() - height());
    if (const QScreen *screen = QGuiApplication::screenAt(globalPos)) {
        const QRect avail = screen->availableGeometry();
        at.setX(qBound(avail.left(), at.x(), avail.right() - width()));
        at.setY(qBound(avail.top(), at.y(), avail.bottom() - height()));
    }
    move(at);
    show();
    m_search->setFocus();
}

bool EmojiPicker::eventFilter(QObject *watched, QEvent *event)
{
    if (watched != m_search || event->type() != QEvent::KeyPress)
        return QFrame::eventFilter(watched, event);
    auto *key = static_cast<QKeyEvent *>(event);
    int row = m_grid->currentRow();
    const int n = m_grid->count();
    switch (key->key()) {
    case Qt::Key_Left:
        row -= 1;
        break;
    case Qt::Key_Right:
        row += 1;
        break;
    case Qt::Key_Up:
        row -= kColumns;
        break;
    case Qt::Key_Down:
        row = row < 0 ? 0 : row + kColumns;
        break;
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (m_grid->currentItem())
            pick(m_grid->currentItem()->text());
        return true;
    case Qt::Key_Escape:
        hide();
        return true;
    default:
        return false;
    }
    if (n > 0) {
        m_grid->setCurrentRow(qBound(0, row, n - 1));
        m_grid->scrollToItem(m_grid->currentItem());
    }
    return true;
}

void EmojiPicker::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape) {
        hide();
        return;
    }
    QFrame::keyPressEvent(event);
}

void EmojiPicker::changeEvent(QEvent *event)
{
    QFrame::changeEvent(event);
    if (event->type() == QEvent::LanguageChange)
        retranslate();
}

void EmojiPicker::retranslate()
{
    setAccessibleName(tr("Emoji"));
    m_search->setPlaceholderText(tr("Find an emoji"));
    m_search->setAccessibleName(tr("Search emoji"));
    m_grid->setAccessibleName(tr("Emoji"));
    refill();
}

} // namespace kith::app
