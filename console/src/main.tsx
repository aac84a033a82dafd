import { StrictMode } from "react";
import { createRoot } from "react-dom/client";
import { App, startSession } from "./app/App.js";
import "./styles.css";

// Before the first render: the gateway's answer is on its way while React starts.
const starting = startSession();

createRoot(document.getElementById("root")!).render(
  <StrictMode>
    <App starting={starting} />
  </StrictMode>,
);
