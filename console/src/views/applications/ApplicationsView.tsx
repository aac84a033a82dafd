export default function ApplicationsView() {
  return <h1>ApplicationsView</h1>;
}
