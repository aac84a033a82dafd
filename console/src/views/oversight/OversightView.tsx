export default function OversightView() {
  return <h1>OversightView</h1>;
}
