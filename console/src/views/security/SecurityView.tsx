export default function SecurityView() {
  return <h1>SecurityView</h1>;
}
