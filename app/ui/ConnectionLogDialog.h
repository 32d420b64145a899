#pragma once
//! Help → Connection log: the frames the app sent and received and its connections' changes,
//! newest last, filterable by text and direction, following new ones while scrolled down.

#include <QDialog>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListView;
class QPlainTextEdit;
class QPushButton;
class QSortFilterProxyModel;

namespace kith::app {

class FrameLog;
class Theme;

class ConnectionLogDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Show { All, Sent, Received };

    ConnectionLogDialog(FrameLog *log, const Theme *theme, QWidget *parent = nullptr);

    void setFilterText(const QString &text);
    void setShow(Show show);
    //! The lines the filter shows, as Copy copies them.
    QStringList shownLines() const;
    QListView *view() const { return m_view; }
    //! The selected frame whole, its JSON indented.
    QPlainTextEdit *detail() const { return m_detail; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void updateCount();

    FrameLog *m_log;
    QSortFilterProxyModel *m_direction;
    QSortFilterProxyModel *m_search;
    QLineEdit *m_filter;
    QComboBox *m_show;
    QListView *m_view;
    QPlainTextEdit *m_detail;
    QLabel *m_count;
    QLabel *m_heading;
    QLabel *m_hint;
    QPushButton *m_copy;
    QPushButton *m_clear;
    QDialogButtonBox *m_buttons;
    bool m_atBottom = true;
};

} // namespace kith::app
