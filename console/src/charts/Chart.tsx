import { useEffect, useRef } from "react";
import type { EChartsCoreOption } from "echarts/core";

/**
 * One ECharts chart, drawn from `option` (ECharts' own option object). ECharts is loaded on
 * first use, in its own chunk. `label` names the chart for screen readers; ECharts' aria
 * option adds a description of the data.
 */
export function Chart({ option, label, height = 320, testId }: { readonly option: EChartsCoreOption; readonly label: string; readonly height?: number; readonly testId?: string }) {
  const element = useRef<HTMLDivElement>(null);
  const chart = useRef<{ setOption(o: EChartsCoreOption, notMerge: boolean): void; resize(): void; dispose(): void } | null>(null);
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    let disposed = false;
    let observer: ResizeObserver | null = null;
    void import("./echarts.js").then(({ echarts }) => {
      if (disposed || !element.current) return;
      chart.current = echarts.init(element.current, undefined, { renderer: "canvas" });
      chart.current.setOption({ aria: { enabled: true }, ...latest.current }, true);
      observer = new ResizeObserver(() => chart.current?.resize());
      observer.observe(element.current);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ aria: { enabled: true }, ...option }, true);
  }, [option]);

  return <div ref={element} className="chart" role="img" aria-label={label} data-testid={testId} style={{ height }} />;
}
