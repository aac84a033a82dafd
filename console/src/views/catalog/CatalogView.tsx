export default function CatalogView() {
  return <h1>CatalogView</h1>;
}
