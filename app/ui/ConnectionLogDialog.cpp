#include "ConnectionLogDialog.h"

#include "Theme.h"
#include "net/FrameLog.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QVBoxLayout>

namespace kith::app {

namespace {
//! Connection notes in the theme's muted colour, so the frames stand out.
class LineDelegate : public QStyledItemDelegate
{
public:
    LineDelegate(const Theme *theme, QObject *parent) : QStyledItemDelegate(parent), m_muted(theme->color(QStringLiteral("textMuted"))) {}

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        if (index.data(FrameLog::DirectionRole).toInt() == int(FrameLog::Direction::Note))
            option->palette.setColor(QPalette::Text, m_muted);
    }

private:
    QColor m_muted;
};
} // namespace

ConnectionLogDialog::ConnectionLogDialog(FrameLog *log, const Theme *theme, QWidget *parent)
    : QDialog(parent), m_log(log), m_direction(new QSortFilterProxyModel(this)),
      m_search(new QSortFilterProxyModel(this)), m_filter(new QLineEdit(this)), m_show(new QComboBox(this)),
      m_view(new QListView(this)), m_detail(new QPlainTextEdit(this)), m_count(new QLabel(this))
{
    setObjectName(QStringLiteral("ConnectionLogDialog"));
    setWindowTitle(tr("Connection log"));
    setModal(false);
    resize(920, 560);
    auto *layout = new QVBoxLayout(this);
    auto *heading = new QLabel(tr("Connection log"), this);
    heading->setProperty("heading", true);
    layout->addWidget(heading);
    auto *hint = new QLabel(tr("What this app sent (→) and received (←) from each server, and its connections' "
                               "changes (·). Tokens and passwords are masked."),
                            this);
    hint->setProperty("muted", true);
    hint->setWordWrap(true);
    layout->addWidget(hint);

    auto *row = new QHBoxLayout;
    m_filter->setObjectName(QStringLiteral("ConnectionLogFilter"));
    m_filter->setPlaceholderText(tr("Filter frames"));
    m_filter->setAccessibleName(tr("Filter frames"));
    m_filter->setClearButtonEnabled(true);
    row->addWidget(m_filter, 1);
    m_show->setObjectName(QStringLiteral("ConnectionLogDirection"));
    m_show->setAccessibleName(tr("Direction"));
    m_show->addItem(tr("All"), int(Show::All));
    m_show->addItem(tr("Sent"), int(Show::Sent));
    m_show->addItem(tr("Received"), int(Show::Received));
    row->addWidget(m_show);
    layout->addLayout(row);

    // Two small proxies: direction, then text over the direction, host and frame.
    m_direction->setSourceModel(log);
    m_direction->setFilterRole(FrameLog::DirectionRole);
    m_search->setSourceModel(m_direction);
    m_search->setFilterRole(FrameLog::SearchRole);
    m_search->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_view->setObjectName(QStringLiteral("ConnectionLogView"));
    m_view->setAccessibleName(tr("Frames"));
    m_view->setModel(m_search);
    m_view->setItemDelegate(new LineDelegate(theme, m_view));
    m_view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_view->setUniformItemSizes(true); // one line each: no per-row measuring
    m_view->setTextElideMode(Qt::ElideRight);
    m_view->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_view->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    // A row shows one line; the selected frame is read whole below it.
    m_detail->setObjectName(QStringLiteral("ConnectionLogDetail"));
    m_detail->setAccessibleName(tr("Selected frame"));
    m_detail->setPlaceholderText(tr("Select a frame to read it whole"));
    m_detail->setReadOnly(true);
    m_detail->setFont(m_view->font());
    auto *split = new QSplitter(Qt::Vertical, this);
    split->setChildrenCollapsible(false);
    split->addWidget(m_view);
    split->addWidget(m_detail);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    layout->addWidget(split, 1);

    auto *bottom = new QHBoxLayout;
    m_count->setObjectName(QStringLiteral("ConnectionLogCount"));
    m_count->setProperty("muted", true);
    bottom->addWidget(m_count, 1);
    auto *copy = new QPushButton(tr("Copy"), this);
    copy->setObjectName(QStringLiteral("ConnectionLogCopy"));
    copy->setAccessibleName(tr("Copy the frames shown"));
    copy->setAutoDefault(false);
    auto *clear = new QPushButton(tr("Clear"), this);
    clear->setObjectName(QStringLiteral("ConnectionLogClear"));
    clear->setAccessibleName(tr("Clear the log"));
    clear->setAutoDefault(false);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    bottom->addWidget(copy);
    bottom->addWidget(clear);
    bottom->addWidget(buttons);
    layout->addLayout(bottom);

    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_search->setFilterFixedString(text.trimmed());
        updateCount();
        m_view->scrollToBottom();
    });
    connect(m_show, &QComboBox::currentIndexChanged, this, [this](int i) {
        const auto show = Show(m_show->itemData(i).toInt());
        const QString pattern = show == Show::Sent ? QStringLiteral("^%1$").arg(int(FrameLog::Direction::Sent))
            : show == Show::Received               ? QStringLiteral("^%1$").arg(int(FrameLog::Direction::Received))
                                                   : QString();
        m_direction->setFilterRegularExpression(pattern);
        updateCount();
        m_view->scrollToBottom();
    });
    connect(m_view->selectionModel(), &QItemSelectionModel::currentChanged, this, [this](const QModelIndex &current) {
        m_detail->setPlainText(current.data(FrameLog::IndentedRole).toString());
    });
    connect(copy, &QPushButton::clicked, this, [this] {
        QApplication::clipboard()->setText(shownLines().join(QLatin1Char('\n')));
    });
    connect(clear, &QPushButton::clicked, m_log, &FrameLog::clear);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    // Follow new frames only while the user is at the bottom: reading older ones stays put.
    connect(m_search, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
        const QScrollBar *bar = m_view->verticalScrollBar();
        m_atBottom = bar->value() >= bar->maximum() - 4;
    });
    connect(m_search, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_atBottom)
            m_view->scrollToBottom();
    });
    for (auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_search, signal, this, &ConnectionLogDialog::updateCount);
    connect(m_search, &QAbstractItemModel::modelReset, this, &ConnectionLogDialog::updateCount);
    connect(m_search, &QAbstractItemModel::layoutChanged, this, &ConnectionLogDialog::updateCount);
    updateCount();
    m_view->scrollToBottom();
}

void ConnectionLogDialog::setFilterText(const QString &text)
{
    m_filter->setText(text); // filters through textChanged, as typing does
}

void ConnectionLogDialog::setShow(Show show)
{
    m_show->setCurrentIndex(m_show->findData(int(show)));
}

QStringList ConnectionLogDialog::shownLines() const
{
    QStringList lines;
    lines.reserve(m_search->rowCount());
    for (int i = 0; i < m_search->rowCount(); ++i)
        lines << m_search->index(i, 0).data(FrameLog::LineRole).toString();
    return lines;
}

void ConnectionLogDialog::updateCount()
{
    const int total = m_log->rowCount();
    const int shown = m_search->rowCount();
    const QString cap = QLocale().toString(FrameLog::kMaxEntries);
    m_count->setText(shown == total ? tr("%Ln frame(s), capped at %1", nullptr, total).arg(cap)
                                    : tr("%1 of %Ln frame(s) shown, capped at %2", nullptr, total)
                                          .arg(QLocale().toString(shown), cap));
}

} // namespace kith::app
