export default function DashboardView() {
  return <h1>DashboardView</h1>;
}
