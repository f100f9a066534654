// Seeded P2 input files (seed 001): per day one `orders_<date>.csv` and one `order_items_<date>.csv`, plus one
// `products.csv`. Optional defects (a malformed row, items pointing at unknown orders or products) exercise the
// landing validation.
import { isoDate } from '../partitions.js';
import { SeededRandom } from '../random.js';
import { toCsv } from './csv.js';

export interface EcommerceOptions {
  seed: number;
  nowMs: number;
  days?: number;
  ordersPerDay?: number;
  products?: number;
  customers?: number;
  defects?: { malformedRows?: number; unknownOrderItems?: number; unknownProductItems?: number };
}

export interface GeneratedFile {
  name: string;
  content: string;
  /** Data rows written (header excluded). */
  rows: number;
}

export const ORDER_COLUMNS = ['order_id', 'user_id', 'order_date', 'total_amount', 'status'] as const;
export const ORDER_ITEM_COLUMNS = ['order_id', 'product_id', 'quantity', 'unit_price'] as const;
export const PRODUCT_COLUMNS = ['product_id', 'category', 'name', 'price'] as const;

const CATEGORIES: Record<string, readonly string[]> = {
  Electronics: ['Smartphone', 'Headphones', 'Laptop', 'Charger', 'Smartwatch'],
  Books: ['Novel', 'Cookbook', 'Travel Guide', 'Comic'],
  Home: ['Lamp', 'Blender', 'Pillow', 'Coffee Maker'],
  Fashion: ['T-Shirt', 'Sneakers', 'Jacket', 'Scarf'],
  Sports: ['Yoga Mat', 'Football', 'Water Bottle', 'Tennis Racket'],
};

export function generateEcommerceFiles(options: EcommerceOptions): GeneratedFile[] {
  const r = new SeededRandom(options.seed);
  const days = options.days ?? 7;
  const productCount = options.products ?? 120;
  const customers = options.customers ?? 2_500;
  const categories = Object.keys(CATEGORIES);
  const products = Array.from({ length: productCount }, (_, i) => {
    const category = r.pick(categories);
    return {
      id: 2001 + i,
      category,
      name: `${r.pick(CATEGORIES[category])} ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) + 1}`,
      price: r.amount(5, 500),
    };
  });
  const files: GeneratedFile[] = [
    {
      name: 'products.csv',
      content: toCsv(
        PRODUCT_COLUMNS,
        products.map((p) => [p.id, p.category, p.name, p.price.toFixed(2)]),
      ),
      rows: products.length,
    },
  ];
  let orderId = 100_000;
  const firstDay = options.nowMs - days * 86_400_000;
  for (let d = 0; d < days; d++) {
    const date = isoDate(firstDay + d * 86_400_000);
    const orders: (string | number)[][] = [];
    const items: (string | number)[][] = [];
    const count = Math.round((options.ordersPerDay ?? 500) * (0.8 + r.next() * 0.4));
    for (let o = 0; o < count; o++) {
      const id = ++orderId;
      let total = 0;
      for (let line = r.int(1, 4); line > 0; line--) {
        const product = r.pick(products);
        const quantity = r.int(1, 3);
        total += product.price * quantity;
        items.push([id, product.id, quantity, product.price.toFixed(2)]);
      }
      const status = r.weighted([
        ['completed', 80],
        ['returned', 8],
        ['cancelled', 5],
        ['processing', 7],
      ] as const);
      orders.push([id, r.int(1001, 1000 + customers), date, total.toFixed(2), status]);
    }
    files.push({ name: `orders_${date}.csv`, content: toCsv(ORDER_COLUMNS, orders), rows: orders.length });
    files.push({ name: `order_items_${date}.csv`, content: toCsv(ORDER_ITEM_COLUMNS, items), rows: items.length });
  }
  addDefects(files, r, options.defects ?? {});
  return files;
}

function addDefects(files: GeneratedFile[], r: SeededRandom, defects: NonNullable<EcommerceOptions['defects']>): void {
  const itemFiles = files.filter((f) => f.name.startsWith('order_items_'));
  const orderFiles = files.filter((f) => f.name.startsWith('orders_'));
  const append = (file: GeneratedFile, line: string) => {
    file.content += `${line}\n`;
    file.rows++;
  };
  for (let i = 0; i < (defects.malformedRows ?? 0); i++) append(r.pick(orderFiles), `${900_000 + i},1001,not-a-date,12.50,completed`);
  for (let i = 0; i < (defects.unknownOrderItems ?? 0); i++) append(r.pick(itemFiles), `${800_000 + i},2001,1,10.00`);
  for (let i = 0; i < (defects.unknownProductItems ?? 0); i++) append(r.pick(itemFiles), `100001,${9_000 + i},1,10.00`);
}
