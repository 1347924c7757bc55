// antd's Table in a chunk of its own, loaded by ResponsiveTable only where a table is drawn (not on
// a phone): with its filters, selection and pagination it is the largest widget of a list page.
export { Table } from 'antd';
