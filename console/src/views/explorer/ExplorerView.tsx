export default function ExplorerView() {
  return <h1>ExplorerView</h1>;
}
